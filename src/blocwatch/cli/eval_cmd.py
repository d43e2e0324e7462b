"""`blocwatch eval`: score the extractor on gold files."""

from __future__ import annotations

import json
from pathlib import Path

import click

from blocwatch.evaluation import default_gold_paths, evaluate, format_report, shared_dir
from blocwatch.evaluation.gold import SHARED_ENV, set_name

POLNEAR_SPLITS = {
    "dev": ("dev.jsonl",),
    "train": ("train.jsonl",),
    "all": ("dev.jsonl", "train.jsonl"),
}


def _gold_paths(paths: tuple[Path, ...], set_names: tuple[str, ...]) -> list[Path]:
    if paths:
        chosen = list(paths)
    else:
        base = shared_dir()
        if not (base / "data" / "dev").is_dir():
            click.echo(
                f"note: development data not found at {base.resolve()} (set {SHARED_ENV} or run from the "
                "project root next to ../shared); evaluating the packaged modality set only.",
                err=True,
            )
        chosen = default_gold_paths()
    if set_names:
        by_name = {set_name(path): path for path in chosen}
        unknown = [name for name in set_names if name not in by_name]
        if unknown:
            raise click.BadParameter(
                f"no gold set named {', '.join(unknown)}; available: {', '.join(by_name)}",
                param_hint="--set",
            )
        chosen = [by_name[name] for name in set_names]
    return chosen


def _run_quotes(paths: tuple[Path, ...], split: str, limit: int | None, as_json: bool,
                stage_only: bool = False) -> None:
    try:
        from blocwatch.evaluation.quotes import evaluate_quotes, format_quote_report
    except ImportError as exc:
        raise click.ClickException(f"quote evaluation is not available: {exc}") from exc
    if paths:
        quote_paths = list(paths)
    else:
        folder = shared_dir() / "data" / "dev" / "polnear"
        quote_paths = [folder / name for name in POLNEAR_SPLITS[split]]
        missing = [str(path) for path in quote_paths if not path.is_file()]
        if missing:
            raise click.ClickException(
                f"PolNeAR gold not found: {', '.join(missing)} (set {SHARED_ENV} or pass the files as PATHS)"
            )
    metrics = evaluate_quotes(quote_paths, limit=limit, pipeline=not stage_only)
    click.echo(json.dumps(metrics, indent=2) if as_json else format_quote_report(metrics))


@click.command("eval")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON instead of a table.")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N records of each gold file.")
@click.option("--quotes", is_flag=True, help="Evaluate quote attribution on PolNeAR instead of events.")
@click.option("--stage-only", is_flag=True,
              help="With --quotes: run the quotes stage alone on newline paragraphs (no clean or actor stage), "
                   "and time it against the spaCy parse.")
@click.option(
    "--split",
    type=click.Choice(sorted(POLNEAR_SPLITS)),
    default="dev",
    show_default=True,
    help="PolNeAR split(s) for --quotes.",
)
@click.option(
    "--set",
    "set_names",
    multiple=True,
    help="Evaluate only the named gold set (e.g. plover-gsr, modality); repeatable.",
)
def eval_command(
    paths: tuple[Path, ...],
    as_json: bool,
    limit: int | None,
    quotes: bool,
    stage_only: bool,
    split: str,
    set_names: tuple[str, ...],
) -> None:
    """Score event extraction on gold files (default: the dev sets in ../shared and the modality set).

    PATHS are JSONL gold files; their format (CAMEO codebook, PLOVER GSR, ConfliBERT, modality set)
    is detected from their fields.
    """
    if quotes:
        _run_quotes(paths, split, limit, as_json, stage_only)
        return
    try:
        results = evaluate(_gold_paths(paths, set_names), limit=limit)
    except (OSError, ValueError, RuntimeError) as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(results, indent=2))
    else:
        click.echo(format_report(results))


COMMANDS = [eval_command]
