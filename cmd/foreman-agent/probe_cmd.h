/*
 * probe_cmd.h - `foreman-agent probe`: print what this host would report in
 * its FleetNode status (capability, agentVersion, os, arch), without a
 * kubeconfig or any network call.
 */
#ifndef FOREMAN_AGENT_PROBE_CMD_H
#define FOREMAN_AGENT_PROBE_CMD_H

/*
 * Runs the probe subcommand. argv[0] is the subcommand's name ("probe");
 * the flags follow:
 *   -o json|text   output format (default json: one compact JSON object)
 *   -v             also print probe warnings (NVML trouble) on stderr
 *   --accelerator, --installed-models, --max-context-tokens,
 *   --tokens-per-second, --total-ram-gb   as for the agent itself
 * Returns the process exit status: 0 printed, 1 the probe failed (a one-line
 * error on stderr, e.g. an unreadable meminfo), 2 bad flags or arguments.
 */
int agent_probe_main(int argc, char **argv);

#endif
