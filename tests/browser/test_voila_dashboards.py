"""`make dashboards` serves the Voila dashboards; a student's browser uses them.

One Voila server (started through the Makefile target, on a free loopback port,
with an empty result cache) serves every test.  The EA test runs real PySCF
workers: Cl (about a second) and Al13 (quick preset, 15-40 s, cancelled after
its progress moved); a second EA test reads BF4-'s VDE from the shipped results,
is refused B12H12's ladder and answers the page's exercise.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from superatom_lab.core import catalogue
from tests.browser.chromium import browser_page, free_port, server
from tests.browser.flows import index_page_flow, progress_percent, wait_for_progress
from tests.browser.widgets import (
    assert_no_error_output,
    dropdown,
    image_source,
    nudge_slider,
    slider,
    slider_readout,
    toggle,
    wait_for_drawn_canvas,
    wait_until_text,
)

pytestmark = pytest.mark.browser

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
RENDER_MS = 90_000  # first render: a kernel starts and imports the app


@pytest.fixture(scope="module")
def voila_cache(tmp_path_factory):
    """The result cache of the Voila server, empty at the start."""
    return tmp_path_factory.mktemp("voila-cache")


@pytest.fixture(scope="module")
def voila(artifacts, voila_cache):
    """Base URL of `make dashboards` on a free port, with its own empty cache."""
    port = free_port()
    voila_args = f"--port={port} --Voila.ip=127.0.0.1 --Voila.port_retries=0"
    command = ["make", "-s", "dashboards", f"VOILA_ARGS={voila_args}"]
    cache = voila_cache
    base = f"http://127.0.0.1:{port}"
    env = {"SUPERATOM_LAB_CACHE": str(cache)}
    with server(command, f"{base}/", ROOT, artifacts / "make-dashboards.log", env=env):
        yield base


def open_dashboard(page, base: str, name: str, ready: str) -> None:
    """Open a dashboard, check the HTTP status and wait for the widget ``ready`` selector."""
    response = page.goto(f"{base}/voila/render/{name}", timeout=RENDER_MS)
    assert response is not None and response.status == 200, response and response.status
    page.locator(ready).first.wait_for(timeout=RENDER_MS)
    assert page.locator(".jupyter-widgets").count() > 0
    assert_no_error_output(page)


def magic_label(page):
    return page.locator(".widget-html", has_text="Magic numbers")


def test_jellium_playground_updates_when_the_n_slider_moves(voila, artifacts):
    with browser_page() as page:
        open_dashboard(page, voila, "jellium_playground.ipynb", ".widget-slider .noUi-handle")
        figure = page.locator("img.widget-image").first
        expect(figure).to_have_attribute("src", re.compile("."), timeout=30_000)
        wait_until_text(magic_label(page), r"40 electrons: closed shell", 30_000)
        assert slider_readout(page, "electrons N") == "40"
        assert dropdown(page, "r_s of metal").input_value() == "Na (3.93 bohr)"
        page.screenshot(path=str(artifacts / "voila-jellium-n40.png"), full_page=True)

        before = image_source(figure)
        nudge_slider(page, "electrons N", "ArrowRight")
        expect(slider(page, "electrons N").locator(".widget-readout")).to_have_text("41")
        wait_until_text(magic_label(page), r"41 electrons: open shell", 30_000)
        expect(figure).not_to_have_attribute("src", before, timeout=30_000)
        assert_no_error_output(page)
        page.screenshot(path=str(artifacts / "voila-jellium-n41.png"), full_page=True)


def test_ea_explorer_computes_cancels_and_stays_responsive(voila, artifacts):
    with browser_page(height=1100) as page:
        jellium = page.context.new_page()
        open_dashboard(jellium, voila, "jellium_playground.ipynb", ".widget-slider .noUi-handle")
        wait_until_text(magic_label(jellium), r"40 electrons", 30_000)

        page.bring_to_front()  # a background tab pauses its animation frames (the 3D view)
        open_dashboard(page, voila, "ea_explorer.ipynb", ".widget-dropdown select")
        compute = page.get_by_role("button", name="Compute", exact=True)
        cancel = page.get_by_role("button", name="Cancel", exact=True)
        result = page.locator(".widget-html").filter(has_text=re.compile(r"EA\(|computing|Cancel"))
        progress = page.locator(".widget-hprogress .progress-bar").first
        status = page.locator(".widget-hbox", has=page.locator(".widget-hprogress"))
        expect(cancel).to_be_disabled()
        canvas = page.locator(".jupyter-widgets canvas").first
        drawn = wait_for_drawn_canvas(canvas, fraction=0.002)
        canvas.screenshot(path=str(artifacts / "voila-ea-3d-cl.png"))
        page.screenshot(path=str(artifacts / "voila-ea-start.png"), full_page=True)

        # A small case: Cl with the quick preset (the defaults), computed by a worker.
        assert dropdown(page, "species").input_value() == "Cl (halogen)"
        assert dropdown(page, "preset").input_value() == "quick"
        compute.click()
        wait_until_text(result.first, r"EA\(Cl\) = \d+\.\d\d eV", 90_000)
        expect(cancel).to_be_disabled(timeout=10_000)
        assert wait_for_progress(progress) > 0, "the progress bar never moved"
        assert_no_error_output(page)
        page.screenshot(path=str(artifacts / "voila-ea-cl.png"), full_page=True)

        # A longer case: Al13 runs in a worker; the pages stay responsive meanwhile.
        dropdown(page, "species").select_option(label="Al13 (metal cluster)")
        drawn_al13 = wait_for_drawn_canvas(canvas, fraction=drawn * 2)
        canvas.screenshot(path=str(artifacts / "voila-ea-3d-al13.png"))
        print(f"3D view drawn: Cl {drawn:.4f}, Al13 {drawn_al13:.4f} of the canvas")
        compute.click()
        expect(cancel).to_be_enabled(timeout=15_000)
        started = time.monotonic()
        # ... this page: a choice that the kernel answers (an alkali switches EA to IE)
        dropdown(page, "species").select_option(label="Li3O (superalkali)")
        expect(toggle(page, "compute", "IE")).to_have_class(re.compile("mod-active"))
        # ... the jellium dashboard in another tab: its plot follows the slider
        jellium.bring_to_front()
        before = image_source(jellium.locator("img.widget-image").first)
        nudge_slider(jellium, "electrons N", "ArrowLeft")
        wait_until_text(magic_label(jellium), r"39 electrons", 30_000)
        expect(jellium.locator("img.widget-image").first).not_to_have_attribute(
            "src", before, timeout=30_000
        )
        jellium.screenshot(path=str(artifacts / "voila-jellium-during-al13.png"), full_page=True)
        # ... and the progress moves while Al13 runs
        page.bring_to_front()
        wait_until_text(status, r"cycle [1-9]", 60_000)
        expect(cancel).to_be_enabled()  # all of the above happened before the job ended
        assert progress_percent(progress) > 0
        responsive_s = time.monotonic() - started
        page.screenshot(path=str(artifacts / "voila-ea-al13-running.png"), full_page=True)

        clicked = time.monotonic()
        cancel.click()
        wait_until_text(result.first, r"Cancelled", 5_000)
        expect(cancel).to_be_disabled(timeout=5_000)
        cancel_s = time.monotonic() - clicked
        page.screenshot(path=str(artifacts / "voila-ea-al13-cancelled.png"), full_page=True)

        # The app is usable afterwards: Cl again comes from the cache at once.
        dropdown(page, "species").select_option(label="Cl (halogen)")
        expect(toggle(page, "compute", "EA")).to_have_class(re.compile("mod-active"))
        clicked = time.monotonic()
        compute.click()
        wait_until_text(result.first, r"EA\(Cl\) = [\s\S]*from the cache", 10_000)
        cached_s = time.monotonic() - clicked
        assert_no_error_output(page)
        page.screenshot(path=str(artifacts / "voila-ea-cl-cached.png"), full_page=True)
        print(f"responsive during Al13: {responsive_s:.1f} s; cancel shown in {cancel_s:.2f} s; "
              f"cached Cl shown in {cached_s:.2f} s")  # fmt: skip
        assert cancel_s < 5


def test_ea_explorer_shows_a_shipped_vde_a_refused_ladder_and_checks_the_exercise(voila, artifacts):
    """BF4-'s VDE at the standard preset comes from the shipped results at once, with the
    reference values beside it; B12H12's ladder is not computed, but Table 4's EA_1 and EA_2
    are shown; the exercise under the explorer says wrong (with a hint), then right.

    Expected answer of the exercise: the review of Fang, Sun and Jena (Chem. Soc. Rev., DOI
    10.1039/d5cs00663e), section III.1: BF4 2- does not hold a second electron, B12H12 2- and
    B12(CN)12 2- do; Table 4 gives BF4's EA_1 as 7.33 eV and B12H12's EA_2 as 0.86 eV.
    """
    with browser_page(height=1500) as page:
        open_dashboard(page, voila, "ea_explorer.ipynb", ".widget-dropdown select")
        compute = page.get_by_role("button", name="Compute", exact=True)
        result = page.locator(".widget-html").filter(
            has_text=re.compile(r"VDE\(|EA_1 =|computing|Not computed")
        )
        references = page.locator(".widget-html", has_text="Reference values")

        cancel = page.get_by_role("button", name="Cancel", exact=True)
        scale = page.locator("img.widget-image").first
        expect(scale).to_have_attribute("src", re.compile("."), timeout=30_000)
        blank_scale = image_source(scale)
        dropdown(page, "species").select_option(label="BF4 (superhalogen)")
        dropdown(page, "preset").select_option("standard")
        toggle(page, "kind", "anion VDE").click()
        expect(toggle(page, "kind", "anion VDE")).to_have_class(re.compile("mod-active"))
        compute.click()
        expect(scale).not_to_have_attribute("src", blank_scale, timeout=30_000)  # the star
        expect(cancel).to_be_disabled(timeout=10_000)
        wait_until_text(result.first, r"VDE\(BF4-\) = \d+\.\d\d eV[\s\S]*precomputed", 30_000)
        wait_until_text(references.first, r"no reference VDE of BF4- is stored", 10_000)
        wait_until_text(references.first, r"7\.33 eV \(EA_1; computed \(DFT\): Table 4", 10_000)
        assert_no_error_output(page)
        page.screenshot(path=str(artifacts / "voila-ea-bf4-vde.png"), full_page=True)

        dropdown(page, "species").select_option(label="B12H12 (borane)")
        dropdown(page, "preset").select_option("quick")
        toggle(page, "kind", "EA_n, EA_n+1").click()
        expect(toggle(page, "kind", "EA_n, EA_n+1")).to_have_class(re.compile("mod-active"))
        compute.click()
        wait_until_text(result.first, r"Not computed: the successive EAs of B12H12", 30_000)
        wait_until_text(references.first, r"EA_2: computed in the literature: 0\.86 eV", 10_000)
        assert_no_error_output(page)
        page.screenshot(path=str(artifacts / "voila-ea-b12h12-ladder-refused.png"), full_page=True)

        exercise = page.locator(".superatom-exercise")
        check = exercise.get_by_role("button", name="Check", exact=True)
        verdict = exercise.locator(".widget-html").last
        for label in ("BF4 2-", "B12H12 2-", "B12(CN)12 2-"):
            exercise.locator(".widget-checkbox", has_text=label).locator("input").check()
        check.click()
        wait_until_text(verdict, r"Wrong\. BF4 2-: ", 10_000)
        exercise.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "voila-ea-exercise-wrong.png"), full_page=True)
        exercise.locator(".widget-checkbox", has_text="BF4 2-").locator("input").uncheck()
        expect(verdict).to_have_text("", timeout=10_000)  # a changed answer has no verdict yet
        check.click()
        wait_until_text(verdict, r"Right\. only the two boron cages", 10_000)
        assert_no_error_output(page)
        page.screenshot(path=str(artifacts / "voila-ea-exercise-right.png"), full_page=True)


@pytest.mark.parametrize(
    ("name", "ready", "has_3d"),
    [
        ("cluster_builder", ".widget-dropdown select", True),
        ("orbital_explorer", ".widget-dropdown select", False),  # 3D once computed: below
        ("index", ".widget-tab .lm-TabBar-tab", True),
    ],
)
def test_dashboard_renders_without_errors(voila, artifacts, name, ready, has_3d):
    with browser_page() as page:
        open_dashboard(page, voila, f"{name}.ipynb", ready)
        if has_3d:
            wait_for_drawn_canvas(page.locator(".jupyter-widgets canvas").first, fraction=0.002)
        assert_no_error_output(page)
        page.screenshot(path=str(artifacts / f"voila-{name}.png"), full_page=True)


def test_index_page_computes_cancels_and_answers_sliders_meanwhile(voila, voila_cache, artifacts):
    with browser_page(height=1100) as page:
        open_dashboard(page, voila, "index.ipynb", ".widget-tab .lm-TabBar-tab")
        index_page_flow(page, artifacts, "voila-index", cache=voila_cache)


def test_orbital_explorer_shows_the_isosurface_of_the_level_clicked(voila, artifacts):
    with browser_page(height=1300) as page:
        open_dashboard(page, voila, "orbital_explorer.ipynb", ".widget-dropdown select")
        dropdown(page, "species").select_option(label="Na8 (metal cluster)")
        page.get_by_role("button", name="Compute", exact=True).click()
        levels = page.locator("select[size]").first
        wait_until_text(levels, r"1P", 90_000)
        canvas = page.locator(".jupyter-widgets canvas").first
        wait_for_drawn_canvas(canvas, fraction=0.002)
        homo = canvas.screenshot()
        page.screenshot(path=str(artifacts / "voila-orbitals-na8-homo.png"), full_page=True)
        # click the 1S level: its (spherical) isosurface replaces the HOMO's p lobes
        levels.select_option(label=levels.locator("option", has_text="1S").first.inner_text())
        status = page.locator(".widget-html", has_text=re.compile(r"orbital \d+ \(1S, "))
        expect(status.first).to_be_visible(timeout=30_000)
        canvas = page.locator(".jupyter-widgets canvas").first
        deadline = time.monotonic() + 30
        while canvas.screenshot() == homo and time.monotonic() < deadline:
            page.wait_for_timeout(250)
        assert canvas.screenshot() != homo, "the 3D view still shows the HOMO"
        wait_for_drawn_canvas(canvas, fraction=0.002)
        nudge_slider(page, "isovalue", "ArrowRight", times=3)
        assert_no_error_output(page)
        page.screenshot(path=str(artifacts / "voila-orbitals-na8-1s.png"), full_page=True)


def int_field(page, description: str):
    """The ``<input>`` of the ipywidgets IntText labelled ``description``."""
    label = page.locator(".widget-label", has_text=description)
    return page.locator(".widget-inline-hbox", has=label).locator("input").first


# Species at the charge the review discusses them at, and the rule that closes their shell there
# (tests/core/test_counting_verdicts.py cites the source of each).
PANEL_VERDICTS = [
    ("Li3O", 1, "octet"),  # superalkali Li3O+: the central O's octet
    ("MnO4", -1, "octet"),  # the review's Table 2 files MnO4- under the octet rule
    ("CN", -1, "octet"),  # CN- is isoelectronic with N2
    ("ZrO", 0, "octet"),  # Table 2: ZrO under the octet rule
]


def test_builder_panel_shows_the_counting_verdicts(voila, artifacts):
    """The builder's counting panel, closes each shell by the review's rule."""
    with browser_page() as page:
        open_dashboard(page, voila, "cluster_builder.ipynb", ".widget-dropdown select")
        rules = page.locator(".widget-html", has_text="closed shell")
        for name, charge, rule in PANEL_VERDICTS:
            label = f"{name} ({catalogue.get_species(name).category})"
            dropdown(page, "species").select_option(label=label)
            field = int_field(page, "charge")
            field.fill(str(charge))
            field.press("Enter")
            wait_until_text(rules.first, re.compile(rf"closed shell: yes, by the {rule}"), 30_000)
            page.screenshot(path=str(artifacts / f"voila-builder-rules-{name}.png"), full_page=True)
        assert_no_error_output(page)


def test_periodic_table_opens_a_species_in_the_apps(voila, artifacts):
    """Caesium's tile lists Li3O; Open shows its shipped IE in the electron-affinity tab.

    Expected verdict: Li3O is a superalkali, its IE below caesium's 3.89 eV (the review's
    Section II; Cs: NIST ASD).
    """
    with browser_page(width=1500, height=1600) as page:
        open_dashboard(page, voila, "periodic_table.ipynb", ".superatom-periodic-table")
        table = page.locator(".superatom-periodic-table")
        expect(page.locator(".superatom-tile-mimic")).to_have_count(7)  # with "no atom at all"
        expect(table.locator(".widget-html", has_text="Li3O")).to_have_count(1)
        assert_no_error_output(page)
        page.screenshot(path=str(artifacts / "voila-periodic-table.png"), full_page=True)
        table.get_by_role("button", name="Cs", exact=True).click()
        listing = page.locator(".superatom-periodic-list")
        wait_until_text(listing, r"Li3O IE: computed \d\.\d\d eV \(vertical IE", 30_000)
        listing.get_by_role("button", name="Open Li3O", exact=True).click()
        result = page.locator(".superatom-app-ea .widget-html", has_text="IE(Li3O)")
        wait_until_text(result.first, r"IE\(Li3O\) = \d\.\d\d eV[\s\S]*precomputed", 30_000)
        wait_until_text(result.first, r"superalkali", 10_000)
        assert_no_error_output(page)
        page.screenshot(path=str(artifacts / "voila-periodic-table-li3o.png"), full_page=True)
