//go:build tools

// Package tools pins the Kubernetes commands the test environment builds.
package tools

import (
	_ "helm.sh/helm/v3/cmd/helm"
)
