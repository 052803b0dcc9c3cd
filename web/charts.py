"""Server-rendered SVG charts: the geometry is worked out here, ``templates/web/_chart.html`` draws it.

No JavaScript and no inline ``style`` (the Content Security Policy allows styles from our own stylesheet
only): sizes and positions are SVG presentation attributes, colours are classes in ``site.css``. Every
chart is an image with a title and a description for screen readers, and the same numbers follow it as a
table (``Chart.rows``).

A value of ``None`` is a figure that may not be shown (a health figure of fewer than 5 residents): it gets
no bar and no point, only a note that says so (under each bar; once for a line chart), so the drawing never
gives away what the table hides.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

WIDTH = 560
HEIGHT = 250
LEFT = 56  # room for the y axis labels
RIGHT = 12
TOP = 26  # room for the legend
BOTTOM = 36  # room for the x axis labels
MAX_X_LABELS = 13
MAX_SERIES = 3  # colours in site.css: .mk-series-1 … -3


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class XLabel:
    x: float
    text: str


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: int  # 1-based, for the colour class
    tooltip: str


@dataclass(frozen=True)
class Mark:
    """Where a hidden value would be: a short note on the axis instead of a bar or a point."""

    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Line:
    series: int
    points: str  # SVG "x,y x,y …" of one unbroken run
    dots: tuple[tuple[float, float, str], ...]


@dataclass(frozen=True)
class Legend:
    series: int
    name: str
    x: float


@dataclass
class Chart:
    id: str
    kind: str  # "bar" | "line"
    title: str
    desc: str
    columns: list[str]  # the table's value columns (series names)
    rows: list[tuple[str, list[str]]]  # the table: (row label, one display text per column)
    width: int = WIDTH
    height: int = HEIGHT
    ticks: list[Tick] = field(default_factory=list)
    x_labels: list[XLabel] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    legend: list[Legend] = field(default_factory=list)
    baseline: float = HEIGHT - BOTTOM
    left: int = LEFT
    right: float = WIDTH - RIGHT
    caption: str = ""

    @property
    def labelledby(self) -> str:
        return f"{self.id}-title {self.id}-desc"


def _rows(labels, series, shown, texts) -> list[tuple[str, list[str]]]:
    """The table under the chart: ``texts`` (one list per series) when given, else ``shown(value)``."""
    if texts is not None:
        return [(label, [column[i] for column in texts]) for i, label in enumerate(labels)]
    return [(label, [shown(values[i]) for _name, values in series]) for i, label in enumerate(labels)]


def nice_max(value: float) -> tuple[int, int]:
    """A round top for the y axis and its step (1, 2 or 5 × 10ⁿ, about four steps)."""
    if value <= 0:
        return 4, 1
    raw = value / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(int(step), 1)
    return step * math.ceil(value / step), step


def _number(value: int) -> str:
    return f"{value:,}"


def _plot(chart: Chart, top_value: float, fmt: Callable[[int], str]) -> float:
    """Draw the y ticks; the pixels per unit."""
    top, step = nice_max(top_value)
    span = chart.baseline - TOP
    scale = span / top
    chart.ticks = [Tick(round(chart.baseline - v * scale, 1), fmt(v)) for v in range(0, top + 1, step)]
    return scale


def _x_labels(labels: Sequence[str], centres: Sequence[float]) -> list[XLabel]:
    every = max(1, math.ceil(len(labels) / MAX_X_LABELS))
    return [
        XLabel(round(x, 1), text)
        for i, (text, x) in enumerate(zip(labels, centres, strict=True))
        if i % every == 0
    ]


def _legend(chart: Chart, names: Sequence[str]) -> None:
    if len(names) > 1:
        chart.legend = [Legend(i + 1, name, LEFT + i * 140) for i, name in enumerate(names)]


def bar_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int | None]]],
    shown: Callable[[int | None], str] | None = None,
    axis: Callable[[int], str] = _number,
    caption: str = "",
    axis_labels: Sequence[str] | None = None,
    texts: Sequence[Sequence[str]] | None = None,
) -> Chart:
    """Bars, side by side when there are several series (at most three). ``shown`` turns a value into the
    table's text (``None`` is a hidden value), unless ``texts`` gives the table's texts."""
    shown = shown or (lambda v: _("5 미만") if v is None else _number(v))
    series = list(series)[:MAX_SERIES]
    chart = Chart(
        id=chart_id,
        kind="bar",
        title=title,
        desc=desc,
        caption=caption or title,
        columns=[name for name, _values in series],
        rows=_rows(labels, series, shown, texts),
    )
    visible = [v for _name, values in series for v in values if v is not None]
    scale = _plot(chart, max(visible, default=0), axis)
    n = max(len(labels), 1)
    slot = (chart.right - LEFT) / n
    group = slot * 0.72
    bar_width = group / max(len(series), 1)
    centres = []
    for i, label in enumerate(labels):
        start = LEFT + i * slot + (slot - group) / 2
        centres.append(LEFT + (i + 0.5) * slot)
        for s, (name, values) in enumerate(series):
            value = values[i]
            x = round(start + s * bar_width, 1)
            if value is None:
                chart.marks.append(Mark(round(x + bar_width / 2, 1), chart.baseline - 6, _("5 미만")))
                continue
            height = round(value * scale, 1)
            chart.bars.append(
                Bar(
                    x=x,
                    y=round(chart.baseline - height, 1),
                    width=round(max(bar_width - 2, 1), 1),
                    height=height,
                    series=s + 1,
                    tooltip=f"{label} · {name}: {shown(value)}"
                    if len(series) > 1
                    else f"{label}: {shown(value)}",
                )
            )
    chart.x_labels = _x_labels(axis_labels or labels, centres)
    _legend(chart, chart.columns)
    return chart


def line_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int | None]]],
    shown: Callable[[int | None], str] | None = None,
    axis: Callable[[int], str] = _number,
    caption: str = "",
    axis_labels: Sequence[str] | None = None,
    texts: Sequence[Sequence[str]] | None = None,
) -> Chart:
    """Lines over the weeks; a hidden value breaks its line and gets a mark instead of a point."""
    shown = shown or (lambda v: _("5 미만") if v is None else _number(v))
    series = list(series)[:MAX_SERIES]
    chart = Chart(
        id=chart_id,
        kind="line",
        title=title,
        desc=desc,
        caption=caption or title,
        columns=[name for name, _values in series],
        rows=_rows(labels, series, shown, texts),
    )
    visible = [v for _name, values in series for v in values if v is not None]
    scale = _plot(chart, max(visible, default=0), axis)
    n = len(labels)
    step = (chart.right - LEFT - 24) / max(n - 1, 1)
    centres = [LEFT + 12 + i * step if n > 1 else (LEFT + chart.right) / 2 for i in range(n)]
    hidden = False
    for s, (name, values) in enumerate(series):
        run: list[tuple[float, float, str]] = []
        for i, value in enumerate(values):
            if value is None:
                hidden = True
                if run:
                    chart.lines.append(_line(s + 1, run))
                    run = []
                continue
            point = (round(centres[i], 1), round(chart.baseline - value * scale, 1))
            run.append((*point, f"{labels[i]} · {name}: {shown(value)}"))
        if run:
            chart.lines.append(_line(s + 1, run))
    if hidden:  # one note for the whole chart: a mark at every hidden point would hide the lines
        chart.marks.append(
            Mark(round((LEFT + chart.right) / 2, 1), TOP + 14, _("5 미만인 곳은 그리지 않았어요"))
        )
    chart.x_labels = _x_labels(axis_labels or labels, centres)
    _legend(chart, chart.columns)
    return chart


def _line(series: int, run: list[tuple[float, float, str]]) -> Line:
    return Line(series=series, points=" ".join(f"{x},{y}" for x, y, _t in run), dots=tuple(run))
