#!/usr/bin/env bash
# Installs what building and testing Foreman needs, only when it is missing:
# Debian packages (compiler, CMake, libraries, tools) and the Python modules
# the code generator uses. Safe to run repeatedly; quiet when all is present.
set -euo pipefail

pkgs=(cmake ninja-build gcc make pkg-config python3 python3-pip openssl curl dpkg-dev xz-utils
      libcurl4-openssl-dev libjsmn-dev libyaml-dev libmicrohttpd-dev libssl-dev
      valgrind clang libclang-rt-14-dev
      git g++)  # git: the native executor clones task repos (and its tests); g++: llama-server (tests/llm/llmenv)
# --cluster: also what `make test-cluster` needs for a real node (a container
# runtime, CNI plugins, iptables, buildah for the images, a static libc for
# the pause program).
if [ "${1:-}" = --cluster ]; then
    pkgs+=(containerd runc containernetworking-plugins iptables buildah libc6-dev)
fi
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps: installing ${missing[*]}" >&2
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! python3 -c 'import jinja2, yaml' 2>/dev/null; then
    echo "install-deps: installing Jinja2 and PyYAML with pip" >&2
    python3 -m pip install -q jinja2 pyyaml 2>/dev/null ||
        python3 -m pip install -q --break-system-packages jinja2 pyyaml
fi

if ! command -v go >/dev/null 2>&1; then
    echo "install-deps: Go is missing; installing Debian's golang (the control plane needs Go >= 1.24)" >&2
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq golang >/dev/null || true
fi
