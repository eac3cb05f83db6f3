"""Serving the dashboards to a class: one Voila server, a cap on seats, local page assets.

* :mod:`.seats`: who holds a kernel of the server, and whether one more visitor fits
  (pure Python).
* :mod:`.full_page`: the page a visitor beyond the cap sees, which retries by itself.
* :mod:`.class_server`: the Voila application with the cap, its kernel manager
  and page handler, started by ``superatom serve``.
* ``jupyter/voila/templates/superatom``: Voila's lab template without the page
  assets it would fetch from a CDN.

docs/deploy.md has the recipes and the measured class load.
"""

#: Defaults of ``superatom serve``: seats, pre-heated index kernels, seconds before a retry.
DEFAULT_STUDENTS = 20
DEFAULT_POOL = 12
DEFAULT_RETRY_SECONDS = 15
