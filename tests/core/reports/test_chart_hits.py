"""Charts know where their bars and segments are, so a screen can make them clickable."""

from __future__ import annotations

from reportlab.graphics import renderSVG

from coprod_desktop.reports.charts import Bar, Series, bar_chart


def test_every_segment_and_bar_has_a_hit_area_inside_the_drawing() -> None:
    drawing = bar_chart(
        "Test",
        [
            Bar("Harbours", (2.0, 1.0), key="harbours"),
            Bar("Eldercare", (0.0, 3.0), key="eldercare"),
        ],
        [Series("A", "#000000", "a"), Series("B", "#ffffff", "b")],
        400,
    )
    segments = {(h.bar, h.series): h.value for h in drawing.hit_areas if h.series}
    assert segments == {("harbours", "a"): 2.0, ("harbours", "b"): 1.0, ("eldercare", "b"): 3.0}
    bands = [h for h in drawing.hit_areas if h.series is None]
    assert [b.bar for b in bands] == ["harbours", "eldercare"]
    assert bands[0].y > bands[1].y  # the first bar is drawn on top
    for hit in drawing.hit_areas:
        assert hit.x >= 0 and hit.x + hit.width <= drawing.width + 0.01
        assert hit.y >= 0 and hit.y + hit.height <= drawing.height + 0.01
    # a segment lies inside its bar's band
    band = bands[0]
    for hit in drawing.hit_areas:
        if hit.bar == "harbours" and hit.series:
            assert band.contains(hit.x + hit.width / 2, hit.y + hit.height / 2)
    assert renderSVG.drawToString(drawing).startswith("<?xml")
