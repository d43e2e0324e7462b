"""Build `src/blocwatch/events/data/cameo_plover.csv` from the CAMEO and PLOVER reference files.

Usage:  python tools/build_ontology.py [ONTOLOGY_DIR] [--out PATH]

ONTOLOGY_DIR defaults to ../shared/data/ontology (relative to the current directory). It must hold
`cameo-codes.csv` (andybega/icews @3746c72), `CAMEO2PLOVER-2021.txt` and `PLOVER_MANUAL.tex`
(openeventdata/PLOVER @5e0c24f). Only facts are taken: codes, short names, Goldstein scores, the
PLOVER mapping, quad classes and intensity scores. The CAMEO descriptions, usage notes and examples
are deliberately not read into the output (they are the manual's prose, not ours to redistribute).

Every correction applied to the upstream tables is a named constant below and is explained in
`src/blocwatch/events/data/ONTOLOGY.md`; the script prints what it corrected so a rebuild is auditable.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from blocwatch.events.ontology import PLOVER_TYPES

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = Path("../shared/data/ontology")
DEFAULT_OUT = REPO_ROOT / "src" / "blocwatch" / "events" / "data" / "cameo_plover.csv"

COLUMNS = (
    "cameo",
    "root",
    "name",
    "goldstein",
    "plover_type",
    "plover_mode",
    "plover_context",
    "quad",
    "intensity",
    "penta",
    "notes",
)


# ConfliBERT's five-way grouping of CAMEO roots (0 statement, 1 verbal coop, 2 material coop,
# 3 verbal conflict, 4 material conflict). Root 16 sits with verbal conflict in that scheme.
PENTA_BY_ROOT = {
    **{root: 0 for root in ("01", "02")},
    **{root: 1 for root in ("03", "04", "05")},
    **{root: 2 for root in ("06", "07", "08")},
    **{root: 3 for root in ("09", "10", "11", "12", "13", "16")},
    **{root: 4 for root in ("14", "15", "17", "18", "19", "20")},
}

# PLOVER drops CAMEO roots 01 (statements) and 02 (appeals): they get no type, quad or intensity.
ROOTS_WITHOUT_PLOVER = ("01", "02")

# Erratum: the manual's numeric quad table puts SANCTION in verbal conflict (3) while its own
# SANCTION section and its summary table put it in material conflict (4). We keep 4.
SANCTION_QUAD = 4

# Erratum: the score table gives ACCUSE "3" although every ACCUSE mode is negative; the sign is lost.
ACCUSE_DEFAULT_INTENSITY = -3.0

# Erratum: CAMEO2PLOVER gives 175 the mode "pro_autocracy", which is a context in the manual.
MISPLACED_MODES = {"pro_autocracy"}

# Root 08 has two header lines (CONCEDE then RETREAT); the manual's translation table assigns
# 081-083 to CONCEDE and 084-087 to RETREAT. The bare root and 080 follow the first header.
ROOT_HEADER_CHOICE = {"08": "CONCEDE"}

# Erratum: CAMEO2PLOVER files 0813 (ease curfew) and 0814 (ease state of emergency) under RETREAT,
# while the manual's CONCEDE section names "removing curfews" as a concession and explains why lifting a
# curfew is treated as verbal. We follow the manual.
MANUAL_CONCESSIONS = ("0813", "0814")

# Erratum: CAMEO2PLOVER files 163 (impose embargo, boycott or sanctions) under COERCE/restrict, while the
# manual's SANCTION section says international (political or economic) sanctions are coded as SANCTION with
# the mode "discontinue". We follow the manual.
MANUAL_SANCTIONS = {"163": ("SANCTION", "discontinue")}

# Codes whose Goldstein score differs between tables in circulation (see ONTOLOGY.md).
DISPUTED_GOLDSTEIN = ("016", "022", "124", "1246", "163", "165", "166")


@dataclass(frozen=True)
class PloverMapping:
    plover_type: str
    mode: str
    context: str
    source_line: int


def read_cameo_codes(path: Path) -> list[dict[str, str]]:
    """Code, name, Goldstein score and root of every CAMEO code, in the file's order."""
    # The upstream CSV carries mojibake in its prose columns; names and numbers are plain ASCII.
    text = path.read_bytes().decode("utf-8", errors="replace")
    rows = []
    for line_number, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        code = (row.get("code") or "").strip()
        if not re.fullmatch(r"\d{2,4}", code):
            raise ValueError(f"{path}:{line_number}: CAMEO code {code!r} is not 2 to 4 digits")
        name = (row.get("name") or "").strip()
        if not name.isascii():
            raise ValueError(f"{path}:{line_number}: name of {code} is not plain ASCII: {name!r}")
        rows.append(
            {
                "cameo": code,
                "root": code[:2],
                "name": name[:1].upper() + name[1:],
                "goldstein": _number(row["goldstein"], f"{path}:{line_number} goldstein"),
            }
        )
    return rows


def read_cameo2plover(path: Path) -> tuple[dict[str, PloverMapping], dict[str, str], list[str]]:
    """Return (code -> mapping, root -> header type, warnings)."""
    mappings: dict[str, PloverMapping] = {}
    headers: dict[str, str] = {}
    warnings: list[str] = []
    for line_number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("~"):
            continue
        match = re.fullmatch(r"(\d{2,4})\s*:\s*(.+)", line)
        if not match:
            raise ValueError(f"{path}:{line_number}: cannot read line {raw!r}")
        code, rest = match.groups()
        fields = [field.strip() for field in rest.split(",")]
        plover_type = fields[0].upper()
        if plover_type not in PLOVER_TYPES:
            raise ValueError(f"{path}:{line_number}: unknown PLOVER type {plover_type!r}")
        if len(fields) == 1:
            headers.setdefault(code, plover_type)
            continue
        mode = fields[1].lower() if len(fields) > 1 else ""
        context = ";".join(part.strip() for part in ",".join(fields[2:]).split(";") if part.strip())
        mapping = PloverMapping(plover_type, mode, context, line_number)
        previous = mappings.get(code)
        if previous and (previous.plover_type, previous.mode, previous.context) != (
            mapping.plover_type,
            mapping.mode,
            mapping.context,
        ):
            raise ValueError(f"{path}:{line_number}: {code} mapped twice, differently")
        if previous:
            warnings.append(f"{code}: duplicate identical row (lines {previous.source_line}, {line_number})")
        mappings[code] = mapping
    return mappings, headers, warnings


def _strip_latex(cell: str) -> str:
    cell = re.sub(r"\\cellcolor\{[^}]*\}", "", cell)
    cell = cell.replace("\\\\", "").replace("\\hline", "")
    return cell.strip()


def read_plover_manual(path: Path) -> tuple[dict[tuple[str, str], float], dict[str, int], dict[str, int]]:
    """Return (intensity by (type, mode) with mode "" for the type default, quad from the numeric
    quad table, quad from each event section's "Quad category" line)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("%")]
    text = "\n".join(lines)

    table = re.search(r"\\caption\{PLOVER conflict--cooperation scores\}(.*?)\\end\{tabular\}", text, re.S)
    if not table:
        raise ValueError(f"{path}: no PLOVER conflict-cooperation score table found")
    scores: dict[tuple[str, str], float] = {}
    for row in table.group(1).split("\n"):
        cells = [_strip_latex(cell) for cell in row.split("&")]
        if len(cells) < 2 or not any(cells):
            continue
        for label, value in zip(cells[0::2], cells[1::2], strict=False):
            if not label or label.startswith("\\textbf") or not value:
                continue
            plover_type, _, mode = label.partition(":")
            plover_type = plover_type.strip().upper()
            if plover_type not in PLOVER_TYPES:
                raise ValueError(f"{path}: score table names unknown type {plover_type!r}")
            scores[(plover_type, mode.strip().lower())] = _number(value, f"{path} score of {label}")

    quad_names = {
        "VERBAL COOPERATION": 1,
        "MATERIAL COOPERATION": 2,
        "VERBAL CONFLICT": 3,
        "MATERIAL CONFLICT": 4,
    }
    table_quads: dict[str, int] = {}
    quad_table = re.search(r"\\caption\{Quad categories in PLOVER\}(.*?)\\end\{tabular\}", text, re.S)
    if not quad_table:
        raise ValueError(f"{path}: no quad category table found")
    for row in quad_table.group(1).split("\n"):
        cells = [_strip_latex(cell) for cell in row.split("&")]
        if len(cells) == 3 and cells[2].isdigit():
            for plover_type in cells[1].split(","):
                table_quads[plover_type.strip().upper()] = int(cells[2])

    section_quads: dict[str, int] = {}
    for match in re.finditer(r"\\section\{([A-Z]+)\}(.*?)(?=\\section\{|\\chapter\{|\Z)", text, re.S):
        name, body = match.groups()
        quad = re.search(r"\\subsection\{Quad category:\s*([A-Z ]+)\}", body)
        if name in PLOVER_TYPES and quad:
            section_quads[name] = quad_names[quad.group(1).strip()]
    return scores, table_quads, section_quads


def _number(value: str, where: str) -> float:
    try:
        return float(value.strip().replace("$-$", "-"))
    except ValueError as exc:
        raise ValueError(f"{where}: {value!r} is not a number") from exc


def decide_quads(table_quads: dict[str, int], section_quads: dict[str, int]) -> tuple[dict[str, int], list[str]]:
    notes = []
    quads = {}
    for plover_type in PLOVER_TYPES:
        in_table, in_section = table_quads.get(plover_type), section_quads.get(plover_type)
        if plover_type == "SANCTION":
            quads[plover_type] = SANCTION_QUAD
            notes.append(f"SANCTION: quad table says {in_table}, section says {in_section}; kept {SANCTION_QUAD}")
            continue
        if in_table is None or (in_section is not None and in_section != in_table):
            raise ValueError(f"quad of {plover_type} is unclear: table {in_table}, section {in_section}")
        quads[plover_type] = in_table
    return quads, notes


def decide_intensities(scores: dict[tuple[str, str], float]) -> tuple[dict[tuple[str, str], float], list[str]]:
    fixed = dict(scores)
    notes = []
    listed = fixed.get(("ACCUSE", ""))
    if listed is not None and listed > 0:
        fixed[("ACCUSE", "")] = ACCUSE_DEFAULT_INTENSITY
        notes.append(f"ACCUSE default intensity listed as {listed:g}; using {ACCUSE_DEFAULT_INTENSITY:g}")
    missing = [t for t in PLOVER_TYPES if (t, "") not in fixed]
    if missing:
        raise ValueError(f"score table has no default score for {missing}")
    return fixed, notes


def build_rows(source: Path) -> tuple[list[dict[str, object]], list[str]]:
    codes = read_cameo_codes(source / "cameo-codes.csv")
    mappings, headers, warnings = read_cameo2plover(source / "CAMEO2PLOVER-2021.txt")
    scores, table_quads, section_quads = read_plover_manual(source / "PLOVER_MANUAL.tex")
    quads, quad_notes = decide_quads(table_quads, section_quads)
    intensities, intensity_notes = decide_intensities(scores)
    log = warnings + quad_notes + intensity_notes

    known = {row["cameo"] for row in codes}
    for code in sorted(set(mappings) - known):
        log.append(f"{code}: in CAMEO2PLOVER but not a CAMEO 1.1b3 code; ignored")

    rows: list[dict[str, object]] = []
    for row in codes:
        code, root = str(row["cameo"]), str(row["root"])
        notes: list[str] = []
        plover_type = mode = context = ""
        if root in ROOTS_WITHOUT_PLOVER:
            notes.append("PLOVER drops this CAMEO root")
        elif code in mappings:
            mapping = mappings[code]
            plover_type, mode, context = mapping.plover_type, mapping.mode, mapping.context
        elif len(code) == 2:
            plover_type = ROOT_HEADER_CHOICE.get(code, headers.get(code, ""))
            notes.append("root: type from the CAMEO2PLOVER root header")
        else:
            parent = code[:3] if len(code) == 4 and code[:3] in mappings else None
            if parent:
                inherited = mappings[parent]
                notes.append(f"no CAMEO2PLOVER row: filled from {parent}")
            else:
                header = ROOT_HEADER_CHOICE.get(root, headers.get(root))
                if header is None:
                    raise ValueError(f"{code}: no CAMEO2PLOVER row and no root header for {root}")
                inherited = PloverMapping(header, "", "", 0)
                notes.append(f"no CAMEO2PLOVER row: filled from root {root}")
            plover_type, mode, context = inherited.plover_type, inherited.mode, inherited.context
        if code in MANUAL_CONCESSIONS and plover_type != "CONCEDE":
            notes.append(f"CAMEO2PLOVER says {plover_type}; the manual's CONCEDE section names it: CONCEDE")
            plover_type = "CONCEDE"
        if code in MANUAL_SANCTIONS and (plover_type, mode) != MANUAL_SANCTIONS[code]:
            notes.append(f"CAMEO2PLOVER says {plover_type}/{mode}; the manual codes sanctions as SANCTION/discontinue")
            plover_type, mode = MANUAL_SANCTIONS[code]
        if mode in MISPLACED_MODES:
            notes.append(f"upstream mode {mode!r} is a context; moved")
            context = ";".join(part for part in (mode, context) if part)
            mode = ""

        quad: int | str = ""
        intensity: float | str = ""
        if plover_type:
            quad = quads[plover_type]
            if mode and (plover_type, mode) in intensities:
                intensity = intensities[(plover_type, mode)]
            else:
                intensity = intensities[(plover_type, "")]
                if mode:
                    notes.append(f"mode {mode!r} has no score: type default intensity")
        if code in DISPUTED_GOLDSTEIN:
            notes.append("Goldstein score differs between tables: see ONTOLOGY.md")
        rows.append(
            {
                "cameo": code,
                "root": root,
                "name": row["name"],
                "goldstein": _format_number(float(row["goldstein"])),
                "plover_type": plover_type,
                "plover_mode": mode,
                "plover_context": context,
                "quad": quad,
                "intensity": _format_number(intensity) if intensity != "" else "",
                "penta": PENTA_BY_ROOT[root],
                "notes": "; ".join(notes),
            }
        )
    return rows, log


def _format_number(value: float | str) -> str:
    return f"{float(value):g}"


HEADER = """\
# blocwatch CAMEO/PLOVER table: one row per CAMEO 1.1b3 event code. Generated by tools/build_ontology.py.
# Facts only: code, short name, Goldstein score (as in andybega/icews data-raw/cameo-codes.csv @3746c72, MIT),
# PLOVER type/mode/context, quad and intensity derived from CAMEO2PLOVER-2021.txt and the PLOVER manual
# (openeventdata/PLOVER @5e0c24f, (c) Open Event Data Alliance, CC BY-SA 4.0). This derived table is
# therefore shared under CC BY-SA 4.0. Corrections and choices: see ONTOLOGY.md next to this file.
"""


def write_csv(rows: list[dict[str, object]], out: Path) -> None:
    buffer = io.StringIO()
    buffer.write(HEADER)
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(buffer.getvalue(), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE, help="ontology folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="CSV to write")
    args = parser.parse_args(argv)
    for name in ("cameo-codes.csv", "CAMEO2PLOVER-2021.txt", "PLOVER_MANUAL.tex"):
        if not (args.source / name).is_file():
            print(f"error: {args.source / name} not found (pass the ontology folder as argument)", file=sys.stderr)
            return 2
    rows, log = build_rows(args.source)
    write_csv(rows, args.out)
    for entry in log:
        print(f"note: {entry}")
    print(f"wrote {len(rows)} codes to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
