# Installs what Simpul needs, idempotently and quietly when everything is there already.
# Sourced by scripts/run and scripts/test.

# Debian packages to build and run the server.
SIMPUL_BUILD_PACKAGES=(
  g++ cmake make pkg-config ccache
  libboost-dev libsqlite3-dev libpqxx-dev libsodium-dev zlib1g-dev
  libspdlog-dev libfmt-dev nlohmann-json3-dev libtomlplusplus-dev libcli11-dev libstemmer-dev libmagic-dev libxlsxwriter-dev
  libminizip-dev libexpat1-dev libcurl4-openssl-dev libglpk-dev libqrencode-dev
  nodejs npm
)
# Extra Debian packages for the test suite: GoogleTest, PostgreSQL 15, Chromium, and an SMTP
# server (aiosmtpd) with openssl for its throw-away certificate.
SIMPUL_TEST_PACKAGES=(libgtest-dev postgresql-15 chromium python3-aiosmtpd openssl)

simpul_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the named Debian packages that are missing; says nothing when none is.
simpul_apt_install() {
  local missing=()
  local package
  for package in "$@"; do
    if [ "$package" = nodejs ] || [ "$package" = npm ]; then
      # A Node.js from elsewhere on PATH is fine.
      command -v "${package/nodejs/node}" >/dev/null 2>&1 && continue
    fi
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}"
  simpul_as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive simpul_as_root apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# npm packages pinned by package-lock.json: htmx, idn-area-data, playwright-core, axe-core.
simpul_npm_install() {
  local stamp=node_modules/.simpul-lock
  if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then return 0; fi
  echo "Installing npm packages (package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  cp package-lock.json "$stamp"
}

# Configures and builds one build folder, printing only warnings and errors. Arguments: the
# folder, then CMake options (re-applied every time; configuring again is quick).
simpul_build() {
  local dir=$1
  shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  cmake --build "$dir" -j "$(nproc)" -- --no-print-directory 2>&1 \
    | { grep -vE '^\[ *[0-9]+%\] (Building|Linking|Built)|^Consolidate|^Scanning' || true; }
}
