# JupyterHub for a Superatom Lab class: each student gets a single-user Jupyter server with
# the project's environment, opening on the Voila dashboard index.  docs/deploy.md explains
# each setting and records a local run (deploy/jupyterhub/try_local.sh).
#
# The hub's environment needs:  pip install jupyterhub  (and npm install configurable-http-proxy)
# The users' environment needs: the project with its pins, plus jupyterhub for
#   jupyterhub-singleuser:     pip install -c requirements/constraints.txt . jupyterhub
import os

c = get_config()  # noqa: F821 (JupyterHub provides it)

# Where the hub listens.  Behind a TLS-terminating reverse proxy (nginx, Caddy) keep it on
# loopback; the proxy serves https:// to the students.
c.JupyterHub.bind_url = os.environ.get("HUB_BIND_URL", "http://127.0.0.1:8000")

# Authentication.  DummyAuthenticator takes any name (with one shared password, if set): for
# a local try only.  A class uses the school's login instead, for example
#   c.JupyterHub.authenticator_class = "oauthenticator.GenericOAuthenticator"  (OAuth / SSO)
#   c.JupyterHub.authenticator_class = "ltiauthenticator.lti13.authenticator.LTI13Authenticator"
c.JupyterHub.authenticator_class = os.environ.get("HUB_AUTHENTICATOR", "dummy")
c.DummyAuthenticator.password = os.environ.get("HUB_DUMMY_PASSWORD", "")

# Spawner.  SimpleLocalProcessSpawner runs every user's server as the hub's own system user
# (no per-user accounts): fine on a loopback try or in a container per class.  On a shared
# machine use the default LocalProcessSpawner (one system account per student), or
# DockerSpawner / KubeSpawner with the Binder image of binder/.
c.JupyterHub.spawner_class = os.environ.get("HUB_SPAWNER", "simple")
c.Spawner.cmd = [os.environ.get("SINGLEUSER", "jupyterhub-singleuser")]
c.Spawner.notebook_dir = os.environ.get("HUB_NOTEBOOK_DIR", os.getcwd())
c.Spawner.default_url = "/voila/render/notebooks/dashboards/index.ipynb"
c.Spawner.args = [
    # the Voila server extension: no tracebacks, idle kernels culled
    "--VoilaConfiguration.show_tracebacks=False",
    "--MappingKernelManager.cull_idle_timeout=900",
    "--MappingKernelManager.cull_interval=60",
]
if os.geteuid() == 0 and c.JupyterHub.spawner_class == "simple":
    # A local try as root (a container, a test machine): the simple spawner runs the student's
    # server as root too, which Jupyter refuses without this.  Never on a real class server.
    c.Spawner.args.append("--allow-root")
c.Spawner.environment = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
# Per-student limits; enforced by spawners that can (systemd, Docker, Kubernetes).
c.Spawner.mem_limit = "1.5G"
c.Spawner.cpu_limit = 1.0
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

# Keep the hub's own processes on loopback, and stop servers idle for 30 minutes:
#   pip install jupyterhub-idle-culler, then uncomment.
# c.JupyterHub.services = [{"name": "idle-culler",
#     "command": ["python", "-m", "jupyterhub_idle_culler", "--timeout=1800"]}]
# c.JupyterHub.load_roles = [{"name": "idle-culler", "services": ["idle-culler"],
#     "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]}]
c.JupyterHub.concurrent_spawn_limit = 10  # a class logging in at once queues, never overloads
c.JupyterHub.active_server_limit = int(os.environ.get("HUB_ACTIVE_LIMIT", "40"))
c.JupyterHub.db_url = os.environ.get("HUB_DB_URL", "sqlite:///jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.environ.get("HUB_COOKIE_SECRET", "jupyterhub_cookie_secret")
