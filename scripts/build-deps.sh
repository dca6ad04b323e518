#!/usr/bin/env bash
# build-deps.sh - builds the minimal static libcurl, libnghttp2 and
# libmicrohttpd the programs link, once per machine, into a cache outside
# the checkout.
#
# Why: Debian's libcurl is built with every protocol and drags 34 shared
# libraries into each process (GnuTLS, Kerberos, LDAP, SASL, SSH, RTMP, IDN,
# PSL, brotli, zstd, p11-kit ...), and Debian's libmicrohttpd brings GnuTLS
# again. A fleet agent that only speaks HTTPS to one API server pays about
# 5 MB of resident memory for them. Built here: libcurl with HTTP and HTTPS
# only (OpenSSL, HTTP/2 through nghttp2, threaded resolver, proxies and
# HTTP auth kept), nghttp2's library alone, microhttpd without TLS.
#
# Sources are Debian bookworm's own source packages (with Debian's security
# patches applied), fetched with `apt-get source` through a private apt state
# directory, so the system's package lists are never touched; apt checks
# every file against the signed Sources index.
#
# Usage: build-deps.sh            build if missing; print the prefix
#        build-deps.sh --prefix   print the prefix it uses (built or not)
# The prefix is $FOREMAN_DEPS_CACHE (default ~/.cache/foreman/deps)/<key>,
# where the key is a hash of this script: editing it builds afresh.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
key=$(sha256sum "$here/build-deps.sh" | cut -c1-12)
cache=${FOREMAN_DEPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/foreman/deps}
prefix=$cache/$key

if [ "${1:-}" = "--prefix" ]; then
    echo "$prefix"
    exit 0
fi
if [ -f "$prefix/.complete" ]; then
    echo "$prefix"
    exit 0
fi

log() { echo "build-deps: $*" >&2; }
for tool in dpkg-source cmake ninja make cc; do
    command -v "$tool" >/dev/null || { log "$tool is missing (run scripts/install-deps.sh)"; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/foreman-deps.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/apt/lists/partial" "$work/apt/cache/archives/partial"

# A deb-src entry for the release this machine runs, in a private apt state.
. /etc/os-release
suite=${VERSION_CODENAME:-bookworm}
mirror=$(grep -hoE 'https?://[^ ]*debian/?$' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
         head -n 1 || true)
mirror=${mirror:-http://deb.debian.org/debian}
cat >"$work/apt/src.sources" <<EOF
Types: deb-src
URIs: $mirror
Suites: $suite
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
apt_opts=(-o "Dir::Etc::SourceList=$work/apt/src.sources" -o Dir::Etc::SourceParts=/dev/null
          -o "Dir::State::Lists=$work/apt/lists" -o "Dir::Cache=$work/apt/cache"
          -o APT::Sandbox::User=root -qq)
log "fetching the source index of $suite from $mirror"
apt-get "${apt_opts[@]}" update >"$work/apt.log" 2>&1 ||
    { log "apt-get update of the deb-src index failed: $(tail -n 1 "$work/apt.log")"; exit 1; }
cd "$work"
for src in curl nghttp2 libmicrohttpd; do
    apt-get "${apt_opts[@]}" source --download-only "$src" >>"$work/apt.log" 2>&1 ||
        { log "apt-get source $src failed: $(tail -n 1 "$work/apt.log")"; exit 1; }
    dpkg-source -x "$work"/"${src}"_*.dsc "$work/$src" >>"$work/apt.log" 2>&1 ||
        { log "dpkg-source -x $src failed"; exit 1; }
done

stage=$work/prefix
flags="-O2 -g -fPIC -ffunction-sections -fdata-sections"
jobs=$(nproc)

log "building libnghttp2 (library only)"
cmake -S "$work/nghttp2" -B "$work/nghttp2/b" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_INSTALL_PREFIX="$stage" -DCMAKE_INSTALL_LIBDIR=lib \
    -DENABLE_LIB_ONLY=ON -DENABLE_STATIC_LIB=ON -DENABLE_SHARED_LIB=OFF >"$work/nghttp2.log" 2>&1 &&
    cmake --build "$work/nghttp2/b" -j "$jobs" >>"$work/nghttp2.log" 2>&1 &&
    cmake --install "$work/nghttp2/b" >>"$work/nghttp2.log" 2>&1 ||
    { log "nghttp2 build failed: $(tail -n 1 "$work/nghttp2.log")"; exit 1; }

log "building libcurl (HTTP and HTTPS only)"
cmake -S "$work/curl" -B "$work/curl/b" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_INSTALL_PREFIX="$stage" -DCMAKE_INSTALL_LIBDIR=lib \
    -DBUILD_SHARED_LIBS=OFF -DBUILD_CURL_EXE=OFF -DBUILD_TESTING=OFF -DENABLE_MANUAL=OFF \
    -DHTTP_ONLY=ON -DCURL_USE_OPENSSL=ON -DUSE_NGHTTP2=ON \
    -DNGHTTP2_INCLUDE_DIR="$stage/include" -DNGHTTP2_LIBRARY="$stage/lib/libnghttp2.a" \
    -DENABLE_THREADED_RESOLVER=ON -DENABLE_WEBSOCKETS=OFF \
    -DCURL_ZLIB=OFF -DCURL_BROTLI=OFF -DCURL_ZSTD=OFF -DCURL_USE_LIBSSH2=OFF -DCURL_USE_LIBSSH=OFF \
    -DCURL_USE_GSSAPI=OFF -DCURL_USE_LIBPSL=OFF -DUSE_LIBIDN2=OFF \
    -DCURL_DISABLE_LDAP=ON -DCURL_DISABLE_LDAPS=ON -DCURL_DISABLE_COOKIES=ON -DCURL_DISABLE_ALTSVC=ON \
    -DCURL_DISABLE_HSTS=ON -DCURL_DISABLE_DOH=ON -DCURL_DISABLE_MIME=ON -DCURL_DISABLE_NETRC=ON \
    -DCURL_DISABLE_NTLM=ON -DCURL_DISABLE_PROGRESS_METER=ON \
    -DCURL_DISABLE_OPENSSL_AUTO_LOAD_CONFIG=ON >"$work/curl.log" 2>&1 &&
    cmake --build "$work/curl/b" -j "$jobs" >>"$work/curl.log" 2>&1 &&
    cmake --install "$work/curl/b" >>"$work/curl.log" 2>&1 ||
    { log "libcurl build failed: $(tail -n 1 "$work/curl.log")"; exit 1; }
grep -q 'Enabled protocols: HTTP HTTPS$' "$work/curl.log" ||
    { log "libcurl configured with other protocols than HTTP and HTTPS"; exit 1; }

log "building libmicrohttpd (no TLS)"
(cd "$work/libmicrohttpd" &&
    CFLAGS="$flags" ./configure --prefix="$stage" --libdir="$stage/lib" \
        --disable-shared --enable-static --disable-https --without-gnutls --disable-doc \
        --disable-examples --disable-curl --disable-nls --disable-postprocessor \
        --disable-dauth --disable-bauth --disable-httpupgrade --disable-cookie &&
    make -j "$jobs" -C src/microhttpd && make -C src/microhttpd install &&
    make -C src/include install) >"$work/mhd.log" 2>&1 ||
    { log "libmicrohttpd build failed: $(tail -n 1 "$work/mhd.log")"; exit 1; }

# Versions, for the record (docs/performance.md, bug reports).
for src in curl nghttp2 libmicrohttpd; do
    basename "$work"/"${src}"_*.dsc .dsc
done >"$stage/VERSIONS"
touch "$stage/.complete"
mkdir -p "$cache"
rm -rf "$prefix"
mv "$stage" "$prefix" 2>/dev/null || cp -a "$stage" "$prefix"
log "built into $prefix ($(tr '\n' ' ' <"$prefix/VERSIONS"))"
echo "$prefix"
