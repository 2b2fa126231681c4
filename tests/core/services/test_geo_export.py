"""`coprod export -o FILE.geojson`: initiatives with coordinates as RFC 7946 GeoJSON, public-safe."""

from __future__ import annotations

import json
from pathlib import Path

from coprod_desktop.domain import model as d
from coprod_desktop.services import file_export, geo_export
from coprod_desktop.store.db import Database
from tests.core import factories


def _check_rfc7946(document: dict) -> None:  # type: ignore[type-arg]
    """The parts of RFC 7946 a GIS relies on when it opens the file."""
    assert document["type"] == "FeatureCollection"
    assert "crs" not in document  # RFC 7946 §4: WGS84 always, no crs member
    for item in document["features"]:
        assert item["type"] == "Feature"
        assert isinstance(item["properties"], dict)
        geometry = item["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_the_demo_exports_its_placed_initiatives_as_lon_lat_points(
    run_cli, demo_db: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "map.geojson"
    result = run_cli("--db", demo_db, "export", "-o", str(target))
    assert result.code == 0, result.err
    document = json.loads(target.read_text("utf-8"))
    _check_rfc7946(document)
    by_ref = {f["id"]: f for f in document["features"]}
    assert "CP-2024-004" not in by_ref  # no coordinates: not on the map
    # Denmark: longitude ~8-15, latitude ~54-58; [lon, lat], never swapped
    assert by_ref["CP-2024-001"]["geometry"]["coordinates"] == [10.871, 56.412]
    assert str(len(document["features"])) in result.out
    props = by_ref["CP-2024-001"]["properties"]
    assert props["type"] == "co_management" and props["type_label"] == "Co-management"
    assert props["outcomes"][0]["target"] == 80


def test_only_public_safe_fields_and_no_person_names(db: Database, tmp_path: Path) -> None:
    anna = factories.stakeholder(db, "Anna Ærø", "citizen", is_person=True, email="a@x.dk")
    factories.initiative(
        db,
        title="Anna Ærø's harbour bath",
        summary="Started by Anna Ærø (a@x.dk).",
        description="SECRET description",
        owner="Mette Havnefoged",
        latitude=56.1,
        longitude=10.2,
        involvements=[d.InvolvementData(stakeholder_id=anna, role="partner")],
        outcomes=[d.OutcomeData(indicator="Swimmers", evidence="SECRET evidence by Anna")],
    )
    factories.initiative(db, title="Not placed")
    target = tmp_path / "out.GeoJSON"

    assert file_export.export_file(db, target) == 1
    text = target.read_text("utf-8")
    document = json.loads(text)
    _check_rfc7946(document)
    for secret in ("Anna", "Ærø", "a@x.dk", "SECRET", "Mette", "stakeholder", "journal"):
        assert secret not in text, secret
    assert document["features"][0]["geometry"]["coordinates"] == [10.2, 56.1]


def test_a_geojson_never_replaces_the_database(run_cli, demo_db: str) -> None:  # type: ignore[no-untyped-def]
    before = Path(demo_db).read_bytes()
    result = run_cli("--db", demo_db, "export", "-o", demo_db.replace(".sqlite", ".geojson"))
    assert result.code == 0
    link = Path(demo_db).with_suffix(".link.geojson")
    link.symlink_to(demo_db)
    refused = run_cli("--db", demo_db, "export", "-o", str(link))
    assert refused.code == 4 and len(refused.err.strip().splitlines()) == 1
    assert Path(demo_db).read_bytes() == before


def test_the_danish_labels_follow_the_language(run_cli, demo_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "kort.geojson"
    assert run_cli("--db", demo_db, "--lang", "da", "export", "-o", str(target)).code == 0
    props = json.loads(target.read_text("utf-8"))["features"][0]["properties"]
    assert props["status_label"] == "Aktiv"


def test_an_initiative_without_coordinates_is_left_out() -> None:
    from coprod_desktop.domain.anonymise import Anonymiser

    placed = d.InitiativeData(title="A", reference="R1", latitude=-1.5, longitude=-70.25)
    unplaced = d.InitiativeData(title="B", reference="R2")
    document = geo_export.feature_collection([placed, unplaced], Anonymiser([]))
    assert [f["geometry"]["coordinates"] for f in document["features"]] == [[-70.25, -1.5]]
