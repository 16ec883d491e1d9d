#!/usr/bin/python3
# test-screen-reader.py: the running app as Orca meets it, over AT-SPI: every
# control a person can act on, on every view, dialog and menu, has a clean
# name, and the wizard reaches a verdict through its buttons' actions.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by meson under dbus-run-session, with GTK's AT-SPI backend on. The
# accessibility bus is started here when the session bus does not start it
# (at-spi-bus-launcher, which brings up the registry Orca asks).
# Arguments: the aftercare executable. Prints TAP.

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone

# Warnings are fatal for the app, not for this process's own AT-SPI
# library (which warns about the cache GTK 4.8 does not offer): GLib reads
# G_DEBUG once, as it loads.
APP_DEBUG = os.environ.pop('G_DEBUG', None)

import gi  # noqa: E402

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, Gio, GLib  # noqa: E402

# The roles of controls a person acts on.
ACTIONABLE = {
    Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON, Atspi.Role.COMBO_BOX, Atspi.Role.MENU_ITEM,
    Atspi.Role.CHECK_MENU_ITEM, Atspi.Role.RADIO_MENU_ITEM, Atspi.Role.ENTRY,
    Atspi.Role.PASSWORD_TEXT, Atspi.Role.SLIDER, Atspi.Role.SPIN_BUTTON,
    Atspi.Role.LINK, Atspi.Role.PAGE_TAB,
}
# Roles with nothing to act on inside them.
LEAVES = {Atspi.Role.LABEL, Atspi.Role.HEADING, Atspi.Role.IMAGE, Atspi.Role.SCROLL_BAR}
CLASS_NAME = re.compile(r'^(Gtk|Adw|Aftercare)[A-Z]')
# Generous: the suite runs beside other tests on a busy machine.
TIMEOUT = 20.0

results = []


def fail(message):
    raise AssertionError(message)


def wait_for(what, find, timeout=TIMEOUT):
    """Polls find() until it returns something; fails naming what."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = find()
        if found:
            return found
        time.sleep(0.1)
    fail(f'Timed out after {timeout:.0f} s waiting for {what}')


def role_name(acc):
    try:
        return acc.get_role_name()
    except gi.repository.GLib.GError:
        return '?'


def on_screen(acc):
    # GTK 4.8 sets no SHOWING state on a window's children: a control is on
    # screen when it has a size. A view or step switched away keeps the
    # extents it had, but no longer contains its own centre.
    try:
        extents = acc.get_extents(Atspi.CoordType.WINDOW)
        return (extents.width > 0 and extents.height > 0 and
                acc.contains(extents.x + extents.width // 2, extents.y + extents.height // 2,
                             Atspi.CoordType.WINDOW))
    except gi.repository.GLib.GError:
        return False


def has_no_size(acc):
    try:
        extents = acc.get_extents(Atspi.CoordType.WINDOW)
    except gi.repository.GLib.GError:
        return False  # a stack page: no place of its own, its child has one
    return extents.width <= 0 or extents.height <= 0


def descendants(acc, depth=0):
    """acc and everything under it that has a size, depth first."""
    yield acc
    if depth > 80 or acc.get_role() in LEAVES:
        return
    try:
        count = acc.get_child_count()
    except gi.repository.GLib.GError:
        return
    for i in range(count):
        child = acc.get_child_at_index(i)
        if child is not None and not has_no_size(child):
            yield from descendants(child, depth + 1)


def app_accessible():
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == 'aftercare':
            return app
    return None


def windows(app):
    return [app.get_child_at_index(i) for i in range(app.get_child_count())]


def window_named(app, title):
    return wait_for(f'a window titled “{title}”',
                    lambda: next((w for w in windows(app) if w.get_name() == title), None))


def controls(root):
    return [acc for acc in descendants(root) if acc.get_role() in ACTIONABLE and on_screen(acc)]


def name_problem(acc):
    name = acc.get_name() or ''
    words = name.split()
    half = len(words) // 2
    if not name.strip():
        return 'has no name'
    if CLASS_NAME.match(name):
        return 'is named by its class'
    if '_' in name:
        return 'has a mnemonic marker in its name'
    if words and len(words) % 2 == 0 and words[:half] == words[half:]:
        return 'says its text twice'
    return None


def check_names(root, where):
    """The controls on screen in root, once they are there and named.

    A window that has just opened may still be laying out (no control has
    a size yet) or naming its controls: on a busy machine that takes a
    while, so it is read again until it settles or the time is up."""
    if CLASS_NAME.match(root.get_name() or ''):
        fail(f'{where}: the window is read by its class, “{root.get_name()}”')
    end = time.monotonic() + TIMEOUT
    while True:
        checked = controls(root)
        problems = [f'{role_name(acc)} “{acc.get_name()}” {problem}'
                    for acc in checked if (problem := name_problem(acc))]
        if checked and not problems:
            return len(checked)
        if time.monotonic() >= end:
            break
        time.sleep(0.2)
    if not checked:
        fail(f'{where}: no controls found on screen')
    fail(f'{where}: ' + '; '.join(problems))


def find_control(root, role, name):
    # A menu button holds a button of the same name: the one that acts.
    for acc in descendants(root):
        if (acc.get_role() == role and acc.get_name() == name and acc.get_n_actions() > 0
                and on_screen(acc)):
            return acc
    return None


def press(root, role, name, where):
    """Invokes the control's first action, as Orca's "activate" does."""
    control = wait_for(f'{name} in {where}', lambda: find_control(root, role, name))
    if not control.do_action(0):
        fail(f'{name} in {where} refused its action')
    time.sleep(0.3)


def label_text(root, text):
    return any(acc.get_role() in (Atspi.Role.LABEL, Atspi.Role.HEADING) and acc.get_name() == text
               and on_screen(acc) for acc in descendants(root))


def step(name, func):
    started = time.monotonic()
    try:
        detail = func()
        results.append((True, name, f'{detail} ({time.monotonic() - started:.1f} s)'))
    except AssertionError as error:
        results.append((False, name, str(error)))


# ---- The accessibility bus -------------------------------------------------

BUS_LAUNCHER = '/usr/libexec/at-spi-bus-launcher'


def accessibility_bus_address():
    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    try:
        # Starts the bus when the session bus knows how (org.a11y.Bus.service).
        reply = session.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus', 'GetAddress',
                                  None, GLib.VariantType('(s)'), Gio.DBusCallFlags.NONE, 10000, None)
        return reply.unpack()[0]
    except GLib.Error:
        return None


def start_accessibility_bus():
    """Returns the launcher started here, or None when the bus was there."""
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        fail('No session bus: run under dbus-run-session')
    if accessibility_bus_address():
        return None
    launcher = subprocess.Popen([BUS_LAUNCHER, '--launch-immediately'],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    wait_for('the accessibility bus', accessibility_bus_address)
    return launcher


# ---- The app and its data ---------------------------------------------------

def sample_backup(path):
    now = datetime.now(timezone.utc)

    def at(hours):
        return (now - timedelta(hours=hours)).strftime('%Y-%m-%dT%H:%M:%SZ')

    def session(hours, kind, pressure, client, checkins):
        return {'id': str(uuid.uuid4()), 'ended_at': at(hours), 'duration_minutes': 60,
                'type': kind, 'pressure': pressure, 'first_time': False, 'areas': ['calves'],
                'client': client, 'therapist': '', 'notes': '', 'checkins': checkins}

    def checkin(hours, soreness):
        return {'id': str(uuid.uuid4()), 'at': at(hours), 'soreness': soreness,
                'symptoms': [], 'notes': ''}

    backup = {'format': 'aftercare-backup', 'version': 1, 'exported_at': at(0),
              'sessions': [session(20, 'deep-tissue', 'deep', 'Jordan Avery', [checkin(18, 3)]),
                           session(50, 'swedish', 'light', '', [])]}
    with open(path, 'w', encoding='utf-8') as out:
        json.dump(backup, out)


def start_app(exe, folder):
    db = os.path.join(folder, 'aftercare.db')
    backup = os.path.join(folder, 'sample.json')
    sample_backup(backup)
    subprocess.run([exe, '--db', db, '--import', backup], check=True, stdout=subprocess.DEVNULL)
    log = open(os.path.join(folder, 'log'), 'w', encoding='utf-8')
    env = dict(os.environ)
    if APP_DEBUG is not None:
        env['G_DEBUG'] = APP_DEBUG
    return subprocess.Popen([exe, '--db', db], stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, env=env)


# ---- What is checked --------------------------------------------------------

def main_window(app):
    return window_named(app, 'Aftercare')


def show_view(app, title):
    window = main_window(app)
    press(window, Atspi.Role.PAGE_TAB, title, 'the view switcher')
    return window


def sessions_view(app):
    window = show_view(app, 'Sessions')
    wait_for('the session page', lambda: find_control(window, Atspi.Role.PUSH_BUTTON, 'Check In'))
    return f'{check_names(window, "Sessions with a session page")} controls'


def dialog_names(app, opener, title, closer):
    window = main_window(app)
    opener(window)
    dialog = window_named(app, title)
    count = check_names(dialog, title)
    press(dialog, Atspi.Role.PUSH_BUTTON, closer, title)
    wait_for(f'“{title}” to close',
             lambda: all(w.get_name() != title for w in windows(app)))
    return f'{count} controls'


def checkin_dialog(app):
    show_view(app, 'Sessions')
    return dialog_names(app, lambda w: press(w, Atspi.Role.PUSH_BUTTON, 'Check In', 'the session page'),
                        'Check In', 'Cancel')


def session_editor(app):
    show_view(app, 'Sessions')
    return dialog_names(app, lambda w: press(w, Atspi.Role.PUSH_BUTTON, 'Log a massage', 'the list'),
                        'Log a Massage', 'Cancel')


def open_menu(window):
    press(window, Atspi.Role.PUSH_BUTTON, 'Main Menu', 'the header bar')


def primary_menu(app):
    window = main_window(app)
    open_menu(window)
    items = wait_for('the main menu', lambda: [acc for acc in controls(window)
                                               if acc.get_role() == Atspi.Role.MENU_ITEM])
    count = check_names(window, 'the main menu')
    press(window, Atspi.Role.PUSH_BUTTON, 'Main Menu', 'the header bar')
    return f'{count} controls, {len(items)} menu items'


def from_menu(app, item, title, closer):
    return dialog_names(app, lambda w: (open_menu(w), press(w, Atspi.Role.MENU_ITEM, item, 'the main menu')),
                        title, closer)


def reference(app):
    window = show_view(app, 'Massage Types')
    return f'{check_names(window, "Massage Types")} controls'


def wizard(app):
    window = show_view(app, 'Can I Run?')
    counts = []
    for where, button in (('Your Massage', 'Next'), ('How You Feel', 'Next'),
                          ('Your Planned Run', 'See Verdict')):
        wait_for(f'the step “{where}”', lambda w=where: label_text(window, w))
        counts.append(check_names(window, f'Can I Run?, “{where}”'))
        press(window, Atspi.Role.PUSH_BUTTON, button, f'Can I Run?, “{where}”')
    wait_for('a verdict', lambda: label_text(window, 'Verdict') or
             find_control(window, Atspi.Role.PUSH_BUTTON, 'Start Over'))
    counts.append(check_names(window, 'Can I Run?, the verdict'))
    return 'controls per step: ' + ', '.join(map(str, counts))


def main():
    exe = sys.argv[1]
    launcher = None
    output = ''
    with tempfile.TemporaryDirectory(prefix='aftercare-a11y-') as folder:
        app_process = None
        try:
            launcher = start_accessibility_bus()
            Atspi.init()
            app_process = start_app(exe, folder)
            app = wait_for('the app on the accessibility bus', app_accessible, timeout=20)
            main_window(app)
            step('the wizard reaches a verdict by its buttons, every step named cleanly', lambda: wizard(app))
            step('Sessions and the session page', lambda: sessions_view(app))
            step('the check-in dialog', lambda: checkin_dialog(app))
            step('the session editor', lambda: session_editor(app))
            step('Massage Types', lambda: reference(app))
            step('the main menu', lambda: primary_menu(app))
            step('Preferences', lambda: from_menu(app, 'Preferences', 'Preferences', 'Close'))
            step('Keyboard Shortcuts', lambda: from_menu(app, 'Keyboard Shortcuts', 'Keyboard Shortcuts', 'Close'))
            step('About', lambda: from_menu(app, 'About Aftercare', 'About', 'Close'))
        except AssertionError as error:
            results.append((False, 'the app starts', str(error)))
        finally:
            if app_process is not None:
                app_process.terminate()
                app_process.wait(timeout=10)
                with open(os.path.join(folder, 'log'), encoding='utf-8') as log:
                    output = log.read().strip()
            if launcher is not None:
                launcher.terminate()
                launcher.wait(timeout=10)
    print(f'1..{len(results)}')
    for number, (ok, name, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {number} - {name}: {detail}')
    if output:
        print('# the app said: ' + output.replace('\n', '\n# '))
    failed = [f'{name}: {detail}' for ok, name, detail in results if not ok]
    if failed:
        # Where meson shows it with --print-errorlogs.
        print('\n'.join(failed + ([f'the app said: {output}'] if output else [])), file=sys.stderr)
    return 0 if not failed else 1


if __name__ == '__main__':
    sys.exit(main())
