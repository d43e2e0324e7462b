"""evaluation stage: score an extractor on gold files (`blocwatch eval`).

    from blocwatch.evaluation import evaluate, format_report
    print(format_report(evaluate()))          # the dev sets under ../shared plus the modality set

Metric definitions are in `metrics.py`; gold formats and their detection in `gold.py`.
"""

from blocwatch.evaluation.gold import (
    DEFAULT_GOLD,
    MODALITY_SET,
    GoldSet,
    default_gold_paths,
    detect_format,
    load_gold,
    shared_dir,
)
from blocwatch.evaluation.metrics import evaluate, format_report, score_set

__all__ = [
    "DEFAULT_GOLD",
    "MODALITY_SET",
    "GoldSet",
    "default_gold_paths",
    "detect_format",
    "evaluate",
    "format_report",
    "load_gold",
    "score_set",
    "shared_dir",
]
