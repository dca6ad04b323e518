#!/usr/bin/env bash
# build-images.sh - builds the foreman-operator and foreman-agent images with
# no registry: the `distroless` stage of Dockerfile.operator and
# Dockerfile.agent, with buildah.
#
# The root filesystem of each image is staged here, in .images/<program>/:
#   usr/local/bin/<program>   the program of the build tree ($BUILD, default
#                             build/), linked as `make build` links it (the
#                             minimal static libcurl/nghttp2/microhttpd of
#                             scripts/build-deps.sh when that was built)
#   the shared libraries it loads, copied from this machine's Debian packages
#   (ldd: glibc, libssl3/libcrypto, libyaml), plus the loader
#   etc/ssl/certs/ca-certificates.crt, etc/passwd and etc/group with the
#   non-root user 65532 the chart runs as
# The images are then written as docker archives to $OUT (default
# build/images/) for `testenv load-image` or `ctr images import`.
#
# Usage: scripts/build-images.sh [TAG]   (TAG defaults to dev)
# Prints "image root-filesystem-bytes archive-bytes archive" per image.
set -euo pipefail
cd "$(dirname "$0")/.."
TAG=${1:-dev}
BUILD=${BUILD:-build}
OUT=${OUT:-$BUILD/images}
REPO=${IMAGE_REPO:-localhost/foreman}

command -v buildah >/dev/null || { echo "build-images: buildah is needed (apt-get install buildah)" >&2; exit 1; }
mkdir -p "$OUT"

stage() { # program rootfs
    local prog=$1 root=$2 bin=$BUILD/bin/$1
    [ -x "$bin" ] || { echo "build-images: $bin missing (make build)" >&2; exit 1; }
    rm -rf "$root"
    mkdir -p "$root/usr/local/bin" "$root/etc/ssl/certs" "$root/tmp"
    strip --strip-debug -o "$root/usr/local/bin/$prog" "$bin"
    # The libraries ldd resolves, at the same paths, and the loader. glibc
    # loads libgcc_s on demand (thread cancellation), so it comes too.
    local lib
    for lib in $(ldd "$bin" | awk '/=> \//{print $3} /^\t\/.*ld-linux/{print $1}') \
               /lib/x86_64-linux-gnu/libgcc_s.so.1; do
        [ -e "$lib" ] || continue
        mkdir -p "$root$(dirname "$lib")"
        cp -L "$lib" "$root$lib"
    done
    cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
    printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >"$root/etc/passwd"
    printf 'root:x:0:\nnonroot:x:65532:\n' >"$root/etc/group"
    printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"
    chmod 1777 "$root/tmp"
}

for prog in foreman-operator foreman-agent; do
    short=${prog#foreman-}
    root=.images/$short
    stage "$prog" "$root"
    if [ "$prog" = foreman-agent ]; then
        mkdir -p "$root/var/lib/foreman/workspace"
        chown -R 65532:65532 "$root/var/lib/foreman"
    fi
    image=$REPO/$prog:$TAG
    old=$(buildah images --quiet --no-trunc "$image" 2>/dev/null || true)
    buildah bud --quiet --pull=never --layers=false --target distroless \
        -f "Dockerfile.$short" -t "$image" . >/dev/null
    # The previous build of this tag, now untagged: drop it, so rebuilding
    # does not pile up images in buildah's storage.
    new=$(buildah images --quiet --no-trunc "$image")
    [ -n "$old" ] && [ "$old" != "$new" ] && buildah rmi "$old" >/dev/null 2>&1 || true
    rm -f "$OUT/$prog.tar"
    buildah push --quiet "$image" "docker-archive:$OUT/$prog.tar:$image" >/dev/null
    echo "$image $(du -sb "$root" | cut -f1) $(stat -c %s "$OUT/$prog.tar") $OUT/$prog.tar"
done
