//go:build tools

// Package tools pins the Kubernetes commands the test environment builds.
package tools

import (
	_ "go.etcd.io/etcd/server/v3"
)
