"""One Dask LocalCluster (2 single-threaded worker processes on 127.0.0.1) shared by tests/batch."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="package")
def dask_client():
    """A client of a LocalCluster started the way ``screen`` starts its own."""
    from distributed import Client

    from superatom_lab.batch.connection import local_cluster

    cluster = local_cluster(2)
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture(scope="package")
def input_file(tmp_path_factory):
    """Five tiny species (H from a file), one that the quick preset refuses, three bad lines."""
    folder = tmp_path_factory.mktemp("screen-input")
    (folder / "h.xyz").write_text("1\nhydrogen atom\nH 0 0 0\n")
    path = folder / "species.txt"
    path.write_text(
        "# tiny species, quick preset\n"
        "h.xyz        # line 2: a file, relative to this one\n"
        "Li\n"
        "F 0\n"
        "\n"
        "Cl\n"
        "OH\n"
        "C60          # line 8: 1200 basis functions, more than quick allows\n"
        "missing.xyz  # line 9: no such file\n"
        "Li 4         # line 10: leaves -1 electrons\n"
        "F -1 extra   # line 11: three fields\n"
    )
    return path
