{{/*
Names and labels shared by every template. Resource names are
<fullname>-operator, <fullname>-agent and <fullname>-agent-<pool>; a name
is cut to 63 characters so it stays a valid DNS label.
*/}}

{{- define "foreman.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-scoped prefix: the release name, plus the chart name unless the
release name already contains it. */}}
{{- define "foreman.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "foreman.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels every object carries. */}}
{{- define "foreman.labels" -}}
helm.sh/chart: {{ include "foreman.chart" . }}
app.kubernetes.io/name: {{ include "foreman.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: foreman
{{- end }}

{{/* Selector labels of the operator pods (never change on upgrade). */}}
{{- define "foreman.operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "foreman.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end }}

{{- define "foreman.operator.fullname" -}}
{{- printf "%s-operator" (include "foreman.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "foreman.operator.serviceAccountName" -}}
{{- if .Values.operator.serviceAccount.create }}
{{- default (include "foreman.operator.fullname" .) .Values.operator.serviceAccount.name }}
{{- else }}
{{- required "operator.serviceAccount.name is required when operator.serviceAccount.create is false" .Values.operator.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "foreman.agent.fullname" -}}
{{- printf "%s-agent" (include "foreman.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "foreman.agent.serviceAccountName" -}}
{{- if .Values.agentServiceAccount.create }}
{{- default (include "foreman.agent.fullname" .) .Values.agentServiceAccount.name }}
{{- else }}
{{- required "agentServiceAccount.name is required when agentServiceAccount.create is false" .Values.agentServiceAccount.name }}
{{- end }}
{{- end }}

{{/*
An image reference from {repository, tag, digest}: the digest wins, then the
tag, then the chart's appVersion. Call with (list $root $image).
*/}}
{{- define "foreman.image" -}}
{{- $root := index . 0 }}
{{- $img := index . 1 }}
{{- if $img.digest }}
{{- printf "%s@%s" $img.repository $img.digest }}
{{- else }}
{{- printf "%s:%s" $img.repository (default $root.Chart.AppVersion $img.tag) }}
{{- end }}
{{- end }}

{{/*
The agent pools after merging each over agentDefaults, as a YAML map from
pool name to settings. A pool key replaces the default wholesale, except
image, metrics and labels, which are merged key by key (a pool can set only
an image tag, or add FleetNode labels to the default ones).
The template engine only passes strings between templates, so callers use
`include "foreman.agentPools" . | fromYaml`.
*/}}
{{- define "foreman.agentPools" -}}
{{- $out := dict }}
{{- range $name, $raw := .Values.agents }}
{{- $pool := default dict $raw }}
{{- $merged := dict }}
{{- range $k, $v := $.Values.agentDefaults }}
{{- if hasKey $pool $k }}
{{- $pv := index $pool $k }}
{{- if and (has $k (list "image" "metrics" "labels")) (kindIs "map" $v) (kindIs "map" $pv) }}
{{- $_ := set $merged $k (mergeOverwrite (deepCopy $v) $pv) }}
{{- else }}
{{- $_ := set $merged $k $pv }}
{{- end }}
{{- else }}
{{- $_ := set $merged $k $v }}
{{- end }}
{{- end }}
{{- if and $merged.nodeName (gt (int64 $merged.replicas) 1) }}
{{- fail (printf "agents.%s: nodeName %q is fixed, so replicas must be 0 or 1 (leave nodeName empty to name each FleetNode after its pod)" $name $merged.nodeName) }}
{{- end }}
{{- if and (eq (toString $merged.mode) "exec") (not $merged.taskCommand) }}
{{- fail (printf "agents.%s: mode exec needs taskCommand (the command run for each task)" $name) }}
{{- end }}
{{- if not $merged.taskNamespaces }}
{{- $_ := set $merged "taskNamespaces" (list $.Release.Namespace) }}
{{- end }}
{{- $_ := set $out $name $merged }}
{{- end }}
{{- toYaml $out }}
{{- end }}

{{/*
Namespaces the agents may touch tasks in when rbac.agentTasksClusterWide is
false: every pool's taskNamespaces plus rbac.agentTaskNamespaces (for host
agents), sorted and de-duplicated, one per line; the release namespace when
that leaves none.
*/}}
{{- define "foreman.agentTaskNamespaces" -}}
{{- $pools := include "foreman.agentPools" . | fromYaml }}
{{- $nss := list }}
{{- range $name, $p := $pools }}
{{- $nss = concat $nss $p.taskNamespaces }}
{{- end }}
{{- range .Values.rbac.agentTaskNamespaces }}
{{- $nss = append $nss . }}
{{- end }}
{{- if not $nss }}
{{- $nss = list .Release.Namespace }}
{{- end }}
{{- range (uniq $nss | sortAlpha) }}
{{ . }}
{{- end }}
{{- end }}
