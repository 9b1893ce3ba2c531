#!/usr/bin/env bash
# Set-up, build and run for xuncha on Debian 12 (as root, or with sudo available).
#   scripts/dev.sh run    install what is missing, build, run the main job on examples/province
#   scripts/dev.sh test   install what is missing, build (warnings are errors), run every test,
#                         then build, install, use and remove the .deb (tests/deb_roundtrip.sh),
#                         then build and run the whole suite again under ASan + UBSan, then run
#                         every fuzz target briefly
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}

packages=(build-essential cmake ninja-build pkg-config
          libcli11-dev libfmt-dev libyaml-cpp-dev libhowardhinnant-date-dev doctest-dev libutf8proc-dev
          nlohmann-json3-dev libxlsxwriter-dev
          libzip-dev libpugixml-dev libfreexl-dev)
if [ "$mode" = test ]; then
  # Printing tests render the HTML schedule in headless Chromium with a CJK font.
  packages+=(chromium fonts-noto-cjk fonts-arphic-ukai poppler-utils)
  # The ledger's .xlsx is read back with a real reader.
  packages+=(python3 python3-openpyxl)
  # xuncha draft's Word documents are read back with python3-docx.
  packages+=(python3-docx)
  # ... and converted to PDF by LibreOffice Writer (tests/draft_docx_pdf.sh).
  packages+=(libreoffice-writer-nogui)
  # Each output checked by its real consumer (tests/consumers/): the SARIF and output JSON
  # schemas, Jenkins' JUnit XSD, PyYAML, icalendar, pandas (CSV as analysts read it),
  # Python-Markdown (the schedule's md), openpyxl (workbooks with injected values).
  packages+=(python3-jsonschema python3-rfc3987 libxml2-utils python3-icalendar python3-yaml python3-pandas
             python3-markdown)
  # xuncha import is tested on workbooks a real office suite writes (CSV converted to xlsx and xls).
  packages+=(libreoffice-calc-nogui)
  # The fuzz targets build with clang's libFuzzer.
  packages+=(clang libclang-rt-14-dev)
  # The JSON Schemas are checked against the examples with a real validator.
  packages+=(python3-jsonschema python3-yaml)
  # Completion scripts parse in zsh and fish; man pages lint clean in mandoc and render in man-db;
  # the .deb needs dpkg-shlibdeps (dpkg-dev) for its dependencies.
  packages+=(zsh fish mandoc man-db dpkg-dev)
  # .pre-commit-hooks.yaml is tried with the real pre-commit.
  packages+=(pre-commit git)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

jobs=$(nproc)
case "$mode" in
  run)
    # Explicit options: a build folder configured by `test` (warnings as errors) is reconfigured.
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DXUNCHA_WERROR=OFF >/dev/null
    cmake --build build -j "$jobs"
    echo
    echo "== xuncha check examples/province --as-of 2026-11-30"
    build/tools/xuncha check examples/province --as-of 2026-11-30 || true
    echo
    echo "== xuncha schedule examples/province --from 2027 --as-of 2026-11-30   (the next five years)"
    build/tools/xuncha schedule examples/province --from 2027 --as-of 2026-11-30
    echo
    echo "== xuncha ledger examples/province --as-of 2026-11-30 --state overdue   (the problem ledger)"
    build/tools/xuncha ledger examples/province --as-of 2026-11-30 --state overdue
    ;;
  test)
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXUNCHA_WERROR=ON >/dev/null
    cmake --build build -j "$jobs"
    ctest --test-dir build --output-on-failure -j "$jobs"
    echo "== the Debian package: build, install, use, remove (tests/deb_roundtrip.sh)"
    deb_rc=0; root=""; [ "$(id -u)" -ne 0 ] && root=sudo
    $root tests/deb_roundtrip.sh build || deb_rc=$?
    [ "$deb_rc" -eq 0 ] || [ "$deb_rc" -eq 77 ] || exit "$deb_rc"   # 77: skipped, with the reason printed
    echo "== the same suite under AddressSanitizer + UndefinedBehaviorSanitizer"
    cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DXUNCHA_WERROR=ON \
          -DXUNCHA_SANITIZE=address,undefined -DXUNCHA_BUILD_BENCH=OFF >/dev/null
    cmake --build build-asan -j "$jobs"
    # The tests that mostly time a real consumer (Chromium printing, LibreOffice converting) run once,
    # above: the same renderers run under the sanitizers in the golden, readback and consumers tests.
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --test-dir build-asan --output-on-failure -j "$jobs" \
            -E '^(consumer-print|import-producers|draft-docx-pdf|html-render|staff-html-render|ledger-html-render|print-pages)$'
    echo "== every fuzz target for 20 s on the committed corpus (clang, libFuzzer + ASan)"
    XUNCHA_FUZZ_BUILD=build-fuzz fuzz/ci.sh 20
    ;;
  *)
    echo "usage: scripts/dev.sh run|test" >&2; exit 2 ;;
esac
