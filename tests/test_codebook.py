"""The codebook and the readings table are consistent with each other."""

from __future__ import annotations

from tacitus.coder.codebook import cameo_codes, lookup, read_as, readings


def test_all_312_cameo_codes_carry_goldstein_and_quad_class() -> None:
    codes = cameo_codes()
    assert len(codes) == 312
    assert all(-10 <= c.goldstein <= 10 and 1 <= c.quad_class <= 4 for c in codes.values())


def test_every_reading_names_real_codes() -> None:
    codes = cameo_codes()
    for (reading, act), code in readings().items():
        assert reading in {"intent", "refusal", "threat", "demand", "appeal"}
        assert act in codes, f"{reading} {act}: unknown act code"
        assert code in codes, f"{reading} {act} -> {code}: unknown code"


def test_readings_follow_cameo_practice() -> None:
    assert read_as("intent", "042") == "036"  # will visit: intent to meet
    assert read_as("threat", "1951") == "1384"  # will bomb: threaten conventional attack
    assert read_as("refusal", "0841") == "1243"  # refused to release: refuse to yield
    assert read_as("demand", "0874") == "106"  # must withdraw: demand withdrawal
    assert read_as("intent", "190") is None  # no intent reading for force


def test_plover_types_follow_the_2021_crosswalk() -> None:
    assert lookup("190").plover_type == "ASSAULT"
    assert lookup("042").plover_mode == "visit"
    assert lookup("020").plover_type == "REQUEST"
