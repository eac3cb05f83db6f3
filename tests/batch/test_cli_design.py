"""`superatom design` and `superatom screen` of a family file: tables, CSVs and exit statuses.

The default superhalogen family ships at quick and its best three at accurate, so these
runs read the shipped results and start no cluster.
"""

from __future__ import annotations

import pandas as pd
import pytest

from superatom_lab.cli.main import main
from superatom_lab.core.reference import experimental_ea


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SUPERATOM_LAB_CACHE", str(tmp_path / "cache"))
    return tmp_path


def test_design_of_the_default_superhalogens_from_the_shipped_results(empty_cache, capsys):
    out = empty_cache / "design.csv"
    status = main(["design", "superhalogen", "--target", "vde>=5", "--out", str(out)])
    printed = capsys.readouterr()
    assert status == 0, printed.err
    assert "12 candidates: 12 from the cache, 0 to compute" in printed.err
    assert "3 candidates: 3 from the cache, 0 to compute" in printed.err
    table = pd.read_csv(out, keep_default_na=False).set_index("name")
    assert len(table) >= 12
    chlorine = experimental_ea("Cl").value_ev
    for name in ("AlF4", "BF4"):  # the known superhalogens, above chlorine at both presets
        row = table.loc[name]
        assert float(row["screen_value_ev"]) > chlorine
        assert float(row["refined_value_ev"]) > chlorine
        assert row["selected"] and row["verdict"].startswith("meets vde >= 5 eV at accurate")
    assert (
        int(table.loc["AlF4", "refined_rank"]) == 1 and int(table.loc["AlF4", "screen_rank"]) == 1
    )
    refined = table[table["refined_rank"] != ""]
    assert sorted(refined["refined_rank"].astype(int)) == [1, 2, 3]
    others = table[table["refined_rank"] == ""]
    assert others["verdict"].str.contains("outside the best 3 recomputed at accurate").all()
    assert "of 12 candidates meet it" in printed.out and "<NA>" not in printed.out


def test_screen_of_a_family_file_reads_the_shipped_vdes(empty_cache, capsys):
    path = empty_cache / "lithium.txt"
    path.write_text("family superhalogen\ncentres Li\nligands F Cl\nshape flat\n")
    out = empty_cache / "lithium.csv"
    status = main(["screen", str(path), "--out", str(out)])
    printed = capsys.readouterr()
    assert status == 0, printed.err
    assert "line 4: shape flat: unknown key 'shape'" in printed.err
    table = pd.read_csv(out)
    assert table["name"].tolist() == ["LiF2", "LiCl2"]
    assert set(table["task"]) == {"vertical_detachment_energy"} and table["precomputed"].all()
    assert (table["value_ev"] > experimental_ea("Cl").value_ev).all()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["design", "perovskite", "--target", "vde>=5"], "unknown family 'perovskite'"),
        (["design", "superhalogen", "--target", "vde=5"], "property operator value"),
        (["design", "superhalogen", "--target", "gap>=1"], "unknown property 'gap'"),
        (["design", "superhalogen", "--target", "vde>=5", "--top", "-1"], "top"),
        (["screen", "superhalogen"], "superhalogen: no such file"),
    ],
)
def test_unusable_input_exits_2(empty_cache, capsys, argv, message):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_a_family_file_with_no_usable_member_exits_2(empty_cache, capsys):
    path = empty_cache / "metals.txt"
    path.write_text("family superhalogen\ncentres Fe Xe\n")
    assert main(["design", str(path), "--target", "vde>=5"]) == 2
    err = capsys.readouterr().err
    assert "line 2: centres Fe Xe" in err and "has no usable line" in err
