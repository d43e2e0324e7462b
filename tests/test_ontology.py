"""The packaged CAMEO/PLOVER table and its lookups."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

from blocwatch.events import ontology
from blocwatch.events.ontology import (
    PLOVER_TYPES,
    all_codes,
    lookup,
    penta_of,
    plover_to_roots,
    quad_of,
    root_of,
)

REPO = Path(__file__).resolve().parents[1]
ONTOLOGY_SOURCE = REPO.parent / "shared" / "data" / "ontology"
PACKAGED_CSV = REPO / "src" / "blocwatch" / "events" / "data" / "cameo_plover.csv"


def test_all_312_cameo_codes_load_once_each():
    codes = all_codes()
    assert len(codes) == 312
    assert len({code.cameo for code in codes}) == 312
    assert codes[0].cameo == "01" and codes[-1].cameo == "2042"


def test_occupy_territory_follows_the_2021_mapping():
    occupy = lookup("192")
    assert occupy.name == "Occupy territory"
    assert occupy.root == "19"
    assert occupy.goldstein == -9.5
    # CAMEO2PLOVER-2021 files 191/192 under COERCE, not ASSAULT (the rest of root 19 is ASSAULT).
    assert (occupy.plover_type, occupy.plover_mode, occupy.quad) == ("COERCE", "seize", 4)
    assert occupy.intensity == -7.0
    conventional = lookup("190")
    assert (conventional.plover_type, conventional.quad, conventional.goldstein) == ("ASSAULT", 4, -10.0)


def test_lifting_a_curfew_or_emergency_is_a_concession_as_the_plover_manual_says():
    for code in ("0813", "0814"):
        eased = lookup(code)
        assert (eased.plover_type, eased.quad) == ("CONCEDE", 1)
    assert lookup("0872").plover_type == "RETREAT"  # easing a military blockade stays a retreat
    assert (lookup("163").plover_type, lookup("163").plover_mode) == ("SANCTION", "discontinue")


def test_lookup_rejects_unknown_and_malformed_codes():
    with pytest.raises(KeyError, match="1214"):
        lookup("1214")  # in CAMEO2PLOVER but not a CAMEO 1.1b3 code
    with pytest.raises(ValueError, match="2 to 4 digits"):
        lookup("19a")
    with pytest.raises(ValueError):
        lookup("1")


def test_root_of():
    assert root_of("0874") == "08"
    assert root_of("20") == "20"
    assert root_of(" 173 ") == "17"
    with pytest.raises(ValueError):
        root_of("")


def test_accuse_intensities_are_all_negative():
    accuse = [code for code in all_codes() if code.plover_type == "ACCUSE"]
    assert accuse and all(code.intensity is not None and code.intensity < 0 for code in accuse)
    # The bare roots carry the type default, which the manual prints as "3": corrected to -3.
    assert lookup("11").intensity == -3.0
    assert lookup("09").intensity == -3.0
    assert lookup("1121").intensity == -3.5  # ACCUSE: allege
    assert lookup("111").intensity == -2.0  # ACCUSE: disapprove


def test_statements_and_appeals_have_no_plover_type_or_quad():
    for code in all_codes():
        if code.root in ("01", "02"):
            assert (code.plover_type, code.quad, code.intensity) == (None, None, None), code
            assert code.penta == 0
        else:
            assert code.plover_type in PLOVER_TYPES, code
            assert code.quad in (1, 2, 3, 4), code
            assert code.intensity is not None, code


def test_sanction_is_material_conflict():
    sanction = [code for code in all_codes() if code.plover_type == "SANCTION"]
    assert sanction and {code.quad for code in sanction} == {4}


def test_quads_follow_plover_types():
    expected = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
                "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 4, "SANCTION": 4,
                "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
    for code in all_codes():
        if code.plover_type:
            assert code.quad == expected[code.plover_type], code


@pytest.mark.parametrize(
    ("code", "penta"),
    [("010", 0), ("0234", 0), ("036", 1), ("057", 1), ("0874", 2), ("094", 3), ("1246", 3),
     ("163", 3), ("1663", 3), ("145", 4), ("154", 4), ("173", 4), ("1823", 4), ("195", 4), ("2042", 4)],
)
def test_penta_classes(code, penta):
    assert penta_of(code) == penta
    assert lookup(code).penta == penta


def test_quad_of_falls_back_to_the_root_for_unlisted_codes():
    assert quad_of("1214") == 3  # REJECT root
    assert quad_of("010") is None
    assert quad_of("163") == 4  # SANCTION, material conflict


def test_pinned_goldstein_values_for_disputed_codes():
    expected = {"016": -5.0, "022": 3.4, "124": -4.0, "1246": -4.0, "163": -8.0, "165": -7.0, "166": -7.0}
    assert {code: lookup(code).goldstein for code in expected} == expected
    assert all("Goldstein" in lookup(code).notes for code in expected)


def test_plover_to_roots():
    assert plover_to_roots("AGREE") == ["03"]
    assert plover_to_roots("accuse") == ["09", "11"]
    assert plover_to_roots("CONCEDE") == ["08"] and plover_to_roots("RETREAT") == ["08"]
    assert plover_to_roots("ASSAULT") == ["17", "18", "19", "20"]
    assert all(plover_to_roots(plover_type) for plover_type in PLOVER_TYPES)
    with pytest.raises(KeyError, match="FIGHT"):
        plover_to_roots("FIGHT")


def test_entries_are_immutable_and_cached():
    entry = lookup("042")
    with pytest.raises(AttributeError):
        entry.name = "changed"  # type: ignore[misc]
    assert lookup("042") is entry


def test_packaged_csv_carries_the_attribution_and_no_manual_prose():
    text = PACKAGED_CSV.read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in text.split("cameo,root,")[0]
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    assert list(rows[0]) == ["cameo", "root", "name", "goldstein", "plover_type", "plover_mode",
                             "plover_context", "quad", "intensity", "penta", "notes"]
    # The manual's example for 010 must not have leaked into the product.
    assert "Colin Powell" not in text
    assert max(len(row["name"]) for row in rows) < 80


@pytest.mark.skipif(not ONTOLOGY_SOURCE.is_dir(), reason="../shared/data/ontology not available")
def test_build_script_reproduces_the_committed_table(tmp_path):
    spec = importlib.util.spec_from_file_location("build_ontology", REPO / "tools" / "build_ontology.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_ontology"] = module
    spec.loader.exec_module(module)
    out = tmp_path / "table.csv"
    assert module.main([str(ONTOLOGY_SOURCE), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == PACKAGED_CSV.read_text(encoding="utf-8")


def test_module_exports():
    assert set(ontology.__all__) >= {"CameoCode", "lookup", "all_codes", "root_of", "quad_of", "penta_of",
                                     "PLOVER_TYPES", "plover_to_roots"}
    assert len(PLOVER_TYPES) == 16
