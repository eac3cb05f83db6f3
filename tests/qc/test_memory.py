"""PySCF's max_memory comes from the container's limit or the machine, or from the override."""

from __future__ import annotations

import pytest

from superatom_lab.errors import InputError
from superatom_lab.qc import memory
from superatom_lab.qc.memory import ENV_VAR, MEMORY_FRACTION, PYSCF_DEFAULT_MB, max_memory_mb

GIB = 1024**3
MEMINFO_24G = (
    "MemTotal:       24683568 kB\n"
    "MemFree:         1000000 kB\n"
    "MemAvailable:    2968176 kB\n"
    "Buffers:           12345 kB\n"
)


@pytest.fixture
def machine(tmp_path, monkeypatch):
    """Point the module at fake cgroup and meminfo files (none exist until written)."""
    monkeypatch.delenv(ENV_VAR, raising=False)
    paths = {
        "v2": tmp_path / "memory.max",
        "v1": tmp_path / "memory.limit_in_bytes",
        "meminfo": tmp_path / "meminfo",
    }
    monkeypatch.setattr(memory, "CGROUP_V2_MAX", paths["v2"])
    monkeypatch.setattr(memory, "CGROUP_V1_LIMIT", paths["v1"])
    monkeypatch.setattr(memory, "MEMINFO", paths["meminfo"])
    return paths


def mb(n_bytes: float) -> int:
    return int(MEMORY_FRACTION * n_bytes / 1e6)


def test_a_cgroup_v2_limit_decides_inside_a_container(machine):
    machine["v2"].write_text("2147483648\n")  # a 2 GiB Binder-sized container
    machine["meminfo"].write_text(MEMINFO_24G)  # the host's memory, not the container's
    assert max_memory_mb() == mb(2 * GIB) < 1500


def test_a_cgroup_v1_limit_decides_too(machine):
    machine["v1"].write_text("1073741824\n")
    machine["meminfo"].write_text(MEMINFO_24G)
    assert max_memory_mb() == mb(GIB)


def test_without_a_limit_the_available_memory_decides(machine):
    machine["v2"].write_text("max\n")
    machine["meminfo"].write_text(MEMINFO_24G)
    assert max_memory_mb() == mb(2968176 * 1024)


def test_cgroup_v1_without_a_limit_writes_a_huge_number_that_is_ignored(machine):
    machine["v1"].write_text("9223372036854771712\n")  # what cgroup v1 shows for "no limit"
    machine["meminfo"].write_text(MEMINFO_24G)
    assert max_memory_mb() == mb(2968176 * 1024)


def test_an_old_kernel_without_memavailable_uses_memtotal(machine):
    machine["meminfo"].write_text("MemTotal:        2000000 kB\nMemFree:          500000 kB\n")
    assert max_memory_mb() == mb(2000000 * 1024)


def test_a_large_machine_keeps_pyscfs_own_default(machine):
    machine["meminfo"].write_text("MemTotal:       67108864 kB\nMemAvailable:   60000000 kB\n")
    assert max_memory_mb() == PYSCF_DEFAULT_MB


def test_nothing_readable_falls_back_to_pyscfs_default(machine):
    assert max_memory_mb() == PYSCF_DEFAULT_MB


def test_the_environment_overrides_everything(machine, monkeypatch):
    machine["v2"].write_text("2147483648\n")
    monkeypatch.setenv(ENV_VAR, "6000")
    assert max_memory_mb() == 6000


@pytest.mark.parametrize("text", ["lots", "0", "-100", "nan", "inf"])
def test_a_bad_override_is_an_input_error(machine, monkeypatch, text):
    monkeypatch.setenv(ENV_VAR, text)
    with pytest.raises(InputError, match=ENV_VAR):
        max_memory_mb()


@pytest.mark.pyscf
def test_every_mole_and_scf_object_gets_the_value(monkeypatch):
    from ase import Atoms

    from superatom_lab.core.cluster import Cluster
    from superatom_lab.qc import scf
    from superatom_lab.qc.molecule import build_mole
    from superatom_lab.qc.presets import get_method

    monkeypatch.setenv(ENV_VAR, "1234")
    quick = get_method("quick")
    assert build_mole(Cluster(Atoms("Cl")), quick, charge=-1, spin=0).max_memory == 1234

    made = []
    make_mf = scf._make_mf

    def spy(mol, method, shared=None):
        mf = make_mf(mol, method, shared)
        made.append((mf.max_memory, mf.with_df.max_memory))
        return mf

    monkeypatch.setattr(scf, "_make_mf", spy)
    result = scf.run_scf(Cluster(Atoms("H")), quick, charge=0, spin=1)
    assert result.converged and made
    assert set(made) == {(1234, 1234)}  # PySCF's default would be 4000
