# node.sh: one real Kubernetes worker node on this machine, for
# `testenv cluster DIR` (sourced by testenv; not run on its own).
#
# What it starts, all with state under DIR/node and stopped by `testenv stop`:
#   kube-scheduler, kube-controller-manager   built from the same pinned
#       k8s.io/kubernetes module as kube-apiserver (tests/testenv/kube)
#   containerd + runc                         Debian's packages (containerd 1.6
#       speaks CRI v1, which kubelet 1.34 needs); cgroupfs driver, overlayfs
#   CNI                                       Debian's bridge, host-local and
#       loopback plugins: bridge fmcni0, pods in $NODE_NET.0/24
#   the pause image                           tests/testenv/pause, built here
#   kubelet                                   node "testenv-node", node IP
#       $NODE_NET.1 (the bridge address; the kubelet cannot use loopback)
#
# The API server stays on 127.0.0.1. Pods reach it as the `kubernetes`
# Service (10.0.0.1:443) through one DNAT rule to 127.0.0.1:<port> on the
# bridge (route_localnet); kube-proxy is not run, so other ClusterIPs do not
# route. Stop removes every process, mount, network device, network
# namespace, cgroup and iptables rule the node made, and restores the three
# kernel settings the kubelet changes (kernel.panic, kernel.panic_on_oops,
# vm.overcommit_memory).
#
# Needs: root, cgroups (v1 or v2), overlayfs, iptables, and the Debian
# packages containerd runc containernetworking-plugins iptables buildah
# (scripts/install-deps.sh --cluster installs them).

NODE_NAME=${TESTENV_NODE_NAME:-testenv-node}
NODE_NET=${TESTENV_NODE_NET:-10.213.0}
NODE_BRIDGE=fmcni0
NODE_CNI_BIN=${TESTENV_CNI_BIN:-/usr/lib/cni}
PAUSE_IMAGE=localhost/foreman/pause:3.10

node_build() {
    local minor=${KUBE_VERSION#v1.}
    minor=${minor%%.*}
    local kv="-X k8s.io/component-base/version.gitVersion=$KUBE_VERSION -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor -X k8s.io/client-go/pkg/version.gitVersion=$KUBE_VERSION -X k8s.io/client-go/pkg/version.gitMajor=1 -X k8s.io/client-go/pkg/version.gitMinor=$minor"
    local c
    for c in kubelet kube-scheduler kube-controller-manager; do
        if [ -n "${KUBEBUILDER_ASSETS:-}" ] && [ -x "$KUBEBUILDER_ASSETS/$c" ]; then continue; fi
        build_one kube "k8s.io/kubernetes/cmd/$c" "$CACHE_BIN/$c" "$kv"
    done
}

node_bin() { # name
    if [ -n "${KUBEBUILDER_ASSETS:-}" ] && [ -x "$KUBEBUILDER_ASSETS/$1" ]; then
        echo "$KUBEBUILDER_ASSETS/$1"
    else
        echo "$CACHE_BIN/$1"
    fi
}

# Why this machine cannot run the node, or nothing. The cluster test prints
# it and skips.
node_unsupported() {
    [ "$(id -u)" = 0 ] || { echo "a node needs root (containerd, kubelet, network namespaces)"; return; }
    local t
    for t in containerd containerd-shim-runc-v2 runc ctr iptables buildah ip; do
        command -v "$t" >/dev/null 2>&1 || { echo "$t not installed (scripts/install-deps.sh --cluster)"; return; }
    done
    for t in bridge host-local loopback; do
        [ -x "$NODE_CNI_BIN/$t" ] || { echo "CNI plugin $NODE_CNI_BIN/$t missing (containernetworking-plugins)"; return; }
    done
    [ -d /sys/fs/cgroup/memory ] || [ -f /sys/fs/cgroup/cgroup.controllers ] || { echo "no cgroup filesystem at /sys/fs/cgroup"; return; }
    grep -qw overlay /proc/filesystems || modprobe overlay 2>/dev/null || { echo "no overlayfs in this kernel"; return; }
    if ip link show "$NODE_BRIDGE" >/dev/null 2>&1; then
        echo "bridge $NODE_BRIDGE exists: another test node runs on this machine ($(ip -o link show "$NODE_BRIDGE" | sed -n 's/.*alias //p'))"
        return
    fi
}

node_kubeconfig() { # dir name cn groups...
    local dir=$1 name=$2
    sign_client "$@"
    write_kubeconfig "$dir/node/$name.kubeconfig" "https://127.0.0.1:$(cat "$dir/apiserver.port")" \
        "$dir/pki/ca.crt" "$dir/pki/$name.crt" "$dir/pki/$name.key"
}

node_wait() { # what seconds pidfile log command...
    local what=$1 secs=$2 pidf=$3 log=$4 i
    shift 4
    for i in $(seq 1 $((secs * 5))); do
        "$@" >/dev/null 2>&1 && return 0
        alive "$pidf" || { tail -20 "$log" >&2; die "$what exited during start (log: $log)"; }
        sleep 0.2
    done
    tail -20 "$log" >&2
    die "$what not ready after $secs s (log: $log)"
}

node_network() { # dir
    local dir=$1
    local n=$dir/node
    # The bridge exists before the kubelet starts, so the node IP is known;
    # the CNI bridge plugin adopts it.
    ip link add "$NODE_BRIDGE" type bridge
    ip link set "$NODE_BRIDGE" alias "foreman-testenv:$dir"
    ip addr add "$NODE_NET.1/24" dev "$NODE_BRIDGE"
    ip link set "$NODE_BRIDGE" up
    sysctl -qw "net.ipv4.conf.$NODE_BRIDGE.route_localnet=1"
    iptables -t nat -A PREROUTING -d 10.0.0.1/32 -p tcp --dport 443 \
        -m comment --comment "foreman-testenv:$dir" \
        -j DNAT --to-destination "127.0.0.1:$(cat "$dir/apiserver.port")"
    mkdir -p "$n/cni/net.d" "$n/cni/ipam"
    cat >"$n/cni/net.d/10-foreman-testenv.conflist" <<JSON
{
  "cniVersion": "0.4.0",
  "name": "foreman-testenv",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "$NODE_BRIDGE",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "dataDir": "$n/cni/ipam",
        "ranges": [[{"subnet": "$NODE_NET.0/24", "rangeStart": "$NODE_NET.10", "gateway": "$NODE_NET.1"}]],
        "routes": [{"dst": "0.0.0.0/0"}]
      }
    }
  ]
}
JSON
}

node_containerd() { # dir
    local dir=$1
    local n=$dir/node
    mkdir -p "$n/containerd"
    cat >"$n/containerd/config.toml" <<TOML
version = 2
root = "$n/containerd/root"
state = "$n/containerd/state"
[grpc]
  address = "$n/containerd/containerd.sock"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$PAUSE_IMAGE"
  netns_mounts_under_state_dir = true
  # Lowering oom_score_adj needs CAP_SYS_RESOURCE, which some sandboxes
  # (this project's test VMs) withhold even from root: without this every
  # pod sandbox fails in runc with "failed to update /proc/self/oom_score_adj:
  # Permission denied" ("can't get final child's PID from pipe: EOF").
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
        Root = "$n/containerd/runc"
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "$NODE_CNI_BIN"
    conf_dir = "$n/cni/net.d"
TOML
    setsid containerd --config "$n/containerd/config.toml" >"$n/containerd.log" 2>&1 </dev/null &
    echo $! >"$n/containerd.pid"
    node_wait containerd 30 "$n/containerd.pid" "$n/containerd.log" \
        ctr -a "$n/containerd/containerd.sock" version
}

node_ctr() { # dir args...
    local dir=$1
    shift
    ctr -a "$dir/node/containerd/containerd.sock" -n k8s.io "$@"
}

node_load_image() { # dir tar
    node_ctr "$1" images import --no-unpack=false "$2" >/dev/null || die "importing $2 into the node failed"
}

node_pause_image() { # dir
    local dir=$1
    local ctx=$dir/node/pause
    mkdir -p "$ctx"
    cp "$HERE/pause/Dockerfile" "$ctx/"
    cc -Os -static -o "$ctx/pause" "$HERE/pause/pause.c" || die "compiling the pause program failed (needs a static libc: libc6-dev)"
    strip "$ctx/pause" 2>/dev/null || true
    local old new
    old=$(buildah images --quiet --no-trunc "$PAUSE_IMAGE" 2>/dev/null || true)
    buildah bud --quiet --pull=never --layers=false -t "$PAUSE_IMAGE" "$ctx" >/dev/null ||
        die "building the pause image failed"
    new=$(buildah images --quiet --no-trunc "$PAUSE_IMAGE")
    if [ -n "$old" ] && [ "$old" != "$new" ]; then buildah rmi "$old" >/dev/null 2>&1 || true; fi
    rm -f "$ctx/pause.tar"
    buildah push --quiet "$PAUSE_IMAGE" "docker-archive:$ctx/pause.tar:$PAUSE_IMAGE" >/dev/null ||
        die "exporting the pause image failed"
    node_load_image "$dir" "$ctx/pause.tar"
}

node_kubelet() { # dir
    local dir=$1
    local n=$dir/node
    local port hport
    port=$(free_port)
    hport=$(free_port)
    mkdir -p "$n/kubelet" "$n/pod-logs"
    cat >"$n/kubelet.yaml" <<YAML
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: $NODE_NET.1
port: $port
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: $hport
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: $dir/pki/ca.crt}
authorization: {mode: Webhook}
cgroupDriver: cgroupfs
failCgroupV1: false
failSwapOn: false
containerRuntimeEndpoint: unix://$n/containerd/containerd.sock
podLogsDir: $n/pod-logs
resolvConf: /etc/resolv.conf
serializeImagePulls: false
maxPods: 30
evictionHard: {memory.available: 100Mi, nodefs.available: 1%, imagefs.available: 1%}
imageGCHighThresholdPercent: 99
imageGCLowThresholdPercent: 98
nodeStatusUpdateFrequency: 4s
syncFrequency: 10s
YAML
    echo "$hport" >"$n/kubelet.healthz.port"
    setsid "$(node_bin kubelet)" --config="$n/kubelet.yaml" --kubeconfig="$n/kubelet.kubeconfig" \
        --root-dir="$n/kubelet" --cert-dir="$n/kubelet/pki" --hostname-override="$NODE_NAME" \
        --node-ip="$NODE_NET.1" --v=1 >"$n/kubelet.log" 2>&1 </dev/null &
    echo $! >"$n/kubelet.pid"
    node_wait kubelet 60 "$n/kubelet.pid" "$n/kubelet.log" curl -sf "http://127.0.0.1:$hport/healthz"
}

cmd_cluster() {
    local dir=$1 why
    why=$(node_unsupported)
    [ -z "$why" ] || die "cannot run a node here: $why"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    cmd_build
    node_build
    local n=$dir/node
    mkdir -p "$n"
    touch "$dir/node.mode"
    # The chart installs the CRDs on a cluster, as it would anywhere else
    # (Helm cannot adopt CRDs that something else created).
    TESTENV_NO_CRDS=1 cmd_start "$dir"
    # What the kubelet changes on the host, to put back on stop.
    sysctl -n kernel.panic kernel.panic_on_oops vm.overcommit_memory >"$n/sysctl.before"
    { iptables-save; ip6tables-save; } 2>/dev/null | sed -n 's/^:\([^ ]*\) .*/\1/p' | sort -u >"$n/iptables-chains.before"
    local c
    for c in /sys/fs/cgroup/*/kubepods /sys/fs/cgroup/kubepods; do [ -d "$c" ] && echo "$c"; done >"$n/cgroups.before" || true
    # containerd and ctr always make /run/containerd/{s,fifo} (shim sockets,
    # task FIFOs), whatever the config says.
    [ -d /run/containerd ] || touch "$n/run-containerd.ours"
    [ -d /var/lib/cni ] || touch "$n/var-lib-cni.ours"   # libcni's result cache

    node_kubeconfig "$dir" kube-scheduler system:kube-scheduler
    node_kubeconfig "$dir" kube-controller-manager system:kube-controller-manager
    node_kubeconfig "$dir" kubelet "system:node:$NODE_NAME" system:nodes
    local bin
    bin=$(bin_dir)
    setsid "$(node_bin kube-scheduler)" --kubeconfig="$n/kube-scheduler.kubeconfig" \
        --authentication-kubeconfig="$n/kube-scheduler.kubeconfig" --authorization-kubeconfig="$n/kube-scheduler.kubeconfig" \
        --leader-elect=false --bind-address=127.0.0.1 --secure-port=0 --v=0 \
        >"$n/kube-scheduler.log" 2>&1 </dev/null &
    echo $! >"$n/kube-scheduler.pid"
    # The controller-manager signs ServiceAccount tokens with the API
    # server's key and publishes the CA (kube-root-ca.crt) in every namespace.
    setsid "$(node_bin kube-controller-manager)" --kubeconfig="$n/kube-controller-manager.kubeconfig" \
        --authentication-kubeconfig="$n/kube-controller-manager.kubeconfig" \
        --authorization-kubeconfig="$n/kube-controller-manager.kubeconfig" \
        --leader-elect=false --bind-address=127.0.0.1 --secure-port=0 \
        --service-account-private-key-file="$dir/pki/sa.key" --root-ca-file="$dir/pki/ca.crt" \
        --service-cluster-ip-range=10.0.0.0/24 --use-service-account-credentials=true \
        --cluster-signing-cert-file="$dir/pki/ca.crt" --cluster-signing-key-file="$dir/pki/ca.key" \
        --controllers='*,-bootstrapsigner,-tokencleaner' --v=0 \
        >"$n/kube-controller-manager.log" 2>&1 </dev/null &
    echo $! >"$n/kube-controller-manager.pid"

    node_network "$dir"
    node_containerd "$dir"
    node_pause_image "$dir"
    node_kubelet "$dir"
    local k="$bin/kubectl --kubeconfig $dir/kubeconfig"
    node_wait "node $NODE_NAME Ready" 90 "$n/kubelet.pid" "$n/kubelet.log" \
        $k wait --for=condition=Ready --timeout=1s "node/$NODE_NAME"
    # The default ServiceAccount exists once the controller-manager ran.
    node_wait "ServiceAccount default" 30 "$n/kube-controller-manager.pid" "$n/kube-controller-manager.log" \
        $k -n default get serviceaccount default
    cat >>"$dir/env" <<ENV
export TESTENV_NODE=$NODE_NAME
export TESTENV_NODE_IP=$NODE_NET.1
export TESTENV_CTR="ctr -a $n/containerd/containerd.sock -n k8s.io"
ENV
    echo "testenv: node $NODE_NAME Ready ($NODE_NET.1, containerd $n/containerd/containerd.sock)" >&2
}

node_stop() { # dir
    local dir=$1
    local n=$dir/node bin
    bin=$(bin_dir)
    # 1. No new pods: stop the scheduler and the controllers, then let the
    #    kubelet tear down every pod (CNI DEL, network namespaces, volumes).
    stop_pid "$n/kube-controller-manager.pid"
    stop_pid "$n/kube-scheduler.pid"
    if alive "$n/kubelet.pid" && alive "$dir/apiserver.pid"; then
        local k="$bin/kubectl --kubeconfig $dir/kubeconfig" i
        $k delete pods --all-namespaces --field-selector "spec.nodeName=$NODE_NAME" \
            --grace-period=1 --wait=false >/dev/null 2>&1 || true
        for i in $(seq 1 60); do
            [ -z "$($k get pods -A --field-selector "spec.nodeName=$NODE_NAME" -o name 2>/dev/null)" ] && break
            sleep 0.5
        done
        # Gone from the API; the kubelet stops their sandboxes right after.
        for i in $(seq 1 40); do
            [ -z "$(node_ctr "$dir" tasks ls -q 2>/dev/null)" ] && break
            sleep 0.5
        done
    fi
    stop_pid "$n/kubelet.pid"
    # 2. Whatever the kubelet left: kill the containers, then containerd.
    if alive "$n/containerd.pid"; then
        local t
        for t in $(node_ctr "$dir" tasks ls -q 2>/dev/null); do
            node_ctr "$dir" tasks kill -s KILL "$t" >/dev/null 2>&1 || true
        done
        sleep 0.5
        for t in $(node_ctr "$dir" tasks ls -q 2>/dev/null); do
            node_ctr "$dir" tasks delete -f "$t" >/dev/null 2>&1 || true
        done
    fi
    # Sandboxes whose CNI DEL never ran (the kubelet did not tear them
    # down) leave results in libcni's cache; remember whose they are.
    local ids
    ids=$(node_ctr "$dir" containers ls -q 2>/dev/null || true)
    stop_pid "$n/containerd.pid"
    # Shims outlive containerd by design; ours name our state directory.
    local p
    for p in $(pgrep -f "containerd-shim-runc-v2 -namespace k8s.io .*-address $n/containerd/containerd.sock" || true); do
        kill -KILL "$p" 2>/dev/null || true
    done
    # 3. Mounts under DIR (container root filesystems, shm, network
    #    namespaces, projected volumes), deepest first.
    local m
    for m in $(awk -v d="$dir/" 'index($5, d) == 1 {print $5}' /proc/self/mountinfo | sort -r); do
        umount -l "$m" 2>/dev/null || true
    done
    # 4. Network: veths on the bridge, the bridge, our iptables rules and the
    #    chains the kubelet made.
    if ip link show "$NODE_BRIDGE" 2>/dev/null | grep -q . &&
       [ "$(ip -o link show "$NODE_BRIDGE" | sed -n 's/.*alias //p')" = "foreman-testenv:$dir" ]; then
        local v
        for v in $(ip -o link show master "$NODE_BRIDGE" | awk -F': ' '{print $2}' | cut -d@ -f1); do
            ip link del "$v" 2>/dev/null || true
        done
        ip link del "$NODE_BRIDGE" 2>/dev/null || true
    fi
    local rule
    while rule=$(iptables -t nat -S PREROUTING 2>/dev/null | grep -F -- "foreman-testenv:$dir" | head -1) && [ -n "$rule" ]; do
        eval "iptables -t nat ${rule/-A /-D }" || break
    done
    if [ -f "$n/iptables-chains.before" ]; then
        local ipt tab ch
        for ipt in iptables ip6tables; do
            for tab in mangle nat filter; do
                for ch in $($ipt -t $tab -S 2>/dev/null | sed -n 's/^-N \(KUBE-[^ ]*\)$/\1/p'); do
                    grep -qx "$ch" "$n/iptables-chains.before" && continue
                    $ipt -t $tab -F "$ch" 2>/dev/null || true
                    # and the jumps to it (KUBE-FIREWALL from INPUT and OUTPUT)
                    while rule=$($ipt -t $tab -S 2>/dev/null | grep -E -- "^-A .* -j $ch( |\$)" | head -1) && [ -n "$rule" ]; do
                        eval "$ipt -t $tab ${rule/-A /-D }" || break
                    done
                done
                for ch in $($ipt -t $tab -S 2>/dev/null | sed -n 's/^-N \(KUBE-[^ ]*\)$/\1/p'); do
                    grep -qx "$ch" "$n/iptables-chains.before" && continue
                    $ipt -t $tab -X "$ch" 2>/dev/null || true
                done
            done
        done
    fi
    # 5. The cgroups the kubelet made, the kernel settings it changed, the
    #    log links it wrote outside DIR.
    if [ -f "$n/cgroups.before" ]; then
        local c
        for c in /sys/fs/cgroup/*/kubepods /sys/fs/cgroup/kubepods; do
            [ -d "$c" ] || continue
            grep -qx "$c" "$n/cgroups.before" && continue
            find "$c" -depth -type d -exec rmdir {} \; 2>/dev/null || true
        done
    fi
    if [ -f "$n/sysctl.before" ]; then
        local v1 v2 v3
        { read -r v1; read -r v2; read -r v3; } <"$n/sysctl.before"
        sysctl -qw "kernel.panic=$v1" "kernel.panic_on_oops=$v2" "vm.overcommit_memory=$v3" || true
        rm -f "$n/sysctl.before"
    fi
    find /var/log/containers -maxdepth 1 -type l -lname "$n/*" -delete 2>/dev/null || true
    local id
    for id in $ids; do
        rm -f /var/lib/cni/results/foreman-testenv-"$id"-* /var/lib/cni/results/cni-loopback-"$id"-*
    done
    if [ -f "$n/var-lib-cni.ours" ]; then
        rmdir /var/lib/cni/results /var/lib/cni 2>/dev/null || true
        rm -f "$n/var-lib-cni.ours"
    fi
    if [ -f "$n/run-containerd.ours" ]; then
        rmdir /run/containerd/s /run/containerd/fifo /run/containerd/runc/k8s.io /run/containerd/runc \
            /run/containerd 2>/dev/null || true
        rm -f "$n/run-containerd.ours"
    fi
    rm -f "$dir/node.mode"
}
