#!/usr/bin/env bash
# Sets up a Debian 12 machine for Crawlscope, builds it, and then either launches it or runs the tests.
#   packaging/bootstrap.sh demo   install what is missing, build, open the app on its demo scenario
#   packaging/bootstrap.sh test   install what is missing, build, run the whole test suite
# The Debian packages it needs are listed, with what each is for, in packaging/debian-packages.txt.
set -euo pipefail

action=${1:-}
case "$action" in
demo | test) ;;
*)
    echo "usage: $0 demo|test" >&2
    exit 2
    ;;
esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$root/build"

mapfile -t packages < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$root/packaging/debian-packages.txt" | tr -s ' \t' '\n' | sed '/^$/d')
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done
if ((${#missing[@]})); then
    install_line="apt-get install -y --no-install-recommends ${missing[*]}"
    if [[ $(id -u) -ne 0 ]]; then
        echo "Crawlscope needs these Debian packages, and installing them needs root. Run:" >&2
        echo "  sudo apt-get update && sudo $install_line" >&2
        exit 1
    fi
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends ${missing[*]}
fi

werror=OFF
[[ ${CI:-} == true ]] && werror=ON
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCRAWLSCOPE_WERROR="$werror"
cmake --build "$build" -j "$(nproc)"

if [[ $action == test ]]; then
    exec ctest --test-dir "$build" --output-on-failure --timeout 600
fi

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
    echo "No display (neither DISPLAY nor WAYLAND_DISPLAY is set): running the demo comparison in the terminal." >&2
fi
exec "$build/bin/crawlscope"
