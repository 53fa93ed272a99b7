#!/usr/bin/env bash
# Creates .venv with a Python >= 3.12 and installs the locked packages into it.
#   scripts/bootstrap.sh        runtime packages (requirements.lock)
#   scripts/bootstrap.sh dev    runtime + test/lint packages (requirements-dev.lock)
# PYTHON=/path/to/python3.12 overrides the search for an interpreter.
# Then it compiles the translations (locale/*/LC_MESSAGES/*.po → .mo) with Django's
# compilemessages, which needs GNU gettext's msgfmt: installed from apt when missing (as root or
# through sudo; otherwise it says what to install).
set -euo pipefail
cd "$(dirname "$0")/.."

lock=requirements.lock
[ "${1:-}" = dev ] && lock=requirements-dev.lock
stamp=".venv/.installed-$(basename "$lock" .lock)"

is_new_enough() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; }

find_python() {
    if [ -n "${PYTHON:-}" ]; then
        is_new_enough "$PYTHON" || { echo "PYTHON=$PYTHON is not a Python >= 3.12" >&2; return 1; }
        "$PYTHON" -c 'import sys; print(sys.executable)'
        return
    fi
    local candidate
    for candidate in python3.14 python3.13 python3.12 python3 \
        "$HOME"/.pyenv/versions/3.1[2-9]*/bin/python3; do
        if command -v "$candidate" >/dev/null 2>&1 && is_new_enough "$candidate"; then
            # Resolve shims (pyenv) to the real interpreter so the venv does not depend on them.
            "$candidate" -c 'import sys; print(sys.executable)'
            return
        fi
    done
    cat >&2 <<'MSG'
Anjuman needs Python 3.12 or newer (Django 6 does not run on older ones).
Install one (e.g. `apt-get install python3.12` on Debian 13, or pyenv), or point to it:
    make run PYTHON=/path/to/python3.12
MSG
    return 1
}

if [ ! -x .venv/bin/python ] || ! is_new_enough .venv/bin/python; then
    python=$(find_python)
    echo "Creating .venv with $python"
    rm -rf .venv
    "$python" -m venv .venv
fi

if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
    [ -x .venv/bin/uv ] || .venv/bin/python -m pip install --quiet --disable-pip-version-check uv==0.13.9
    echo "Installing packages from $lock"
    UV_PYTHON_DOWNLOADS=never .venv/bin/uv pip install --quiet --python .venv/bin/python -r "$lock"
    touch "$stamp"
fi

# The interface's translations. compilemessages rewrites only the catalogs whose .po changed.
if compgen -G "locale/*/LC_MESSAGES/*.po" >/dev/null; then
    if ! command -v msgfmt >/dev/null 2>&1; then
        if [ "$(id -u)" = 0 ]; then as_root=(); elif sudo -n true 2>/dev/null; then as_root=(sudo); else
            echo "Compiling the translations needs GNU gettext: sudo apt-get install gettext" >&2
            exit 1
        fi
        echo "Installing gettext from apt (msgfmt compiles the translations)"
        "${as_root[@]}" apt-get update -qq
        "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null
    fi
    # A throw-away key: compiling reads the settings, which refuse to load without one when
    # DEBUG is off, and signs nothing.
    SECRET_KEY=compiling-messages-only .venv/bin/python manage.py compilemessages -v0 \
        --ignore='.venv' --ignore='data' --ignore='bench' --ignore='node_modules'
fi
