"""Printing library rows: a Rich table on a terminal, JSON or CSV for scripts."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

Column = tuple[str, str]
"""(key in the row, heading of the table column)"""


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[Column], form: str, title: str | None = None) -> None:
    """Print `rows` as a table, JSON (an array of objects) or CSV (with a header line)."""
    if form == "json":
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
    elif form == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=[key for key, _ in columns], extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        _table(rows, columns, title)


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[Column], title: str | None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left", expand=False, show_lines=False)
    for key, heading in columns:
        numeric = bool(rows) and isinstance(rows[0].get(key), (int, float))
        table.add_column(heading, justify="right" if numeric else "left", overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(key)) for key, _ in columns))
    Console().print(table)


def _cell(value: Any) -> Any:
    """Plain text (never Rich markup: quotes hold brackets); shares as percentages."""
    from rich.text import Text

    if value is None:
        return Text("")
    if isinstance(value, float):
        return Text(f"{value:.1%}")
    return Text(str(value))
