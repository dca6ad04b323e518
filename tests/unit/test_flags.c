/*
 * test_flags.c - the Go-compatible flag parser and Go duration syntax.
 * Expected values are what Go's flag and time packages give for the same
 * input.
 */
#include "test.h"

#include "agentutil.h"
#include "error.h"
#include "flags.h"
#include "goduration.h"

#define NS INT64_C(1)
#define US INT64_C(1000)
#define MS INT64_C(1000000)
#define SEC INT64_C(1000000000)
#define MIN (60 * SEC)
#define HOUR (60 * MIN)

/* ------------------------------------------------------------- durations */

TEST(duration_parse_valid)
{
    static const struct {
        const char *in;
        int64_t want;
    } cases[] = {
        {"0", 0},
        {"+0", 0},
        {"-0", 0},
        {"0s", 0},
        {"5s", 5 * SEC},
        {"30s", 30 * SEC},
        {"1478s", 1478 * SEC},
        {"-5s", -5 * SEC},
        {"+5s", 5 * SEC},
        {"-0s", 0},
        {"+0s", 0},
        {"5.0s", 5 * SEC},
        {"5.6s", 5 * SEC + 600 * MS},
        {"5.s", 5 * SEC},
        {".5s", 500 * MS},
        {"1.0s", 1 * SEC},
        {"1.00s", 1 * SEC},
        {"1.004s", 1 * SEC + 4 * MS},
        {"1.0040s", 1 * SEC + 4 * MS},
        {"100.00100s", 100 * SEC + 1 * MS},
        {"10ns", 10 * NS},
        {"11us", 11 * US},
        {"12\xc2\xb5s", 12 * US}, /* µs, U+00B5 */
        {"12\xce\xbcs", 12 * US}, /* μs, U+03BC */
        {"13ms", 13 * MS},
        {"500ms", 500 * MS},
        {"14s", 14 * SEC},
        {"15m", 15 * MIN},
        {"16h", 16 * HOUR},
        {"3h30m", 3 * HOUR + 30 * MIN},
        {"1m30s", 90 * SEC},
        {"10.5s4m", 4 * MIN + 10 * SEC + 500 * MS},
        {"-2m3.4s", -(2 * MIN + 3 * SEC + 400 * MS)},
        {"1h2m3s4ms5us6ns", 1 * HOUR + 2 * MIN + 3 * SEC + 4 * MS + 5 * US + 6 * NS},
        {"39h9m14.425s", 39 * HOUR + 9 * MIN + 14 * SEC + 425 * MS},
        {"52763797000ns", 52763797000 * NS},
        {"0.3333333333333333333h", 20 * MIN},
        {"1.5h", 90 * MIN},
        {"-1.5h", -90 * MIN},
        {"9007199254740993ns", INT64_C(9007199254740993)},
        {"9223372036854775807ns", INT64_MAX},
        {"9223372036854775.807us", INT64_MAX},
        {"9223372036s854ms775us807ns", INT64_MAX},
        {"-9223372036854775808ns", INT64_MIN},
        {"-9223372036854775.808us", INT64_MIN},
        {"-9223372036s854ms775us808ns", INT64_MIN},
        {"-2562047h47m16.854775808s", INT64_MIN},
        {"0.100000000000000000000h", 6 * MIN},
        {"0.830103483285477580700h", 49 * MIN + 48 * SEC + 372539827 * NS},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int64_t got = 12345;
        int rc = fm_goduration_parse(&got, cases[i].in);
        if (rc != 0 || got != cases[i].want)
            fprintf(stderr, "  case %s: rc %d got %lld want %lld (%s)\n", cases[i].in, rc,
                    (long long)got, (long long)cases[i].want, fm_error_last()->message);
        CHECK_INT(rc, 0);
        CHECK_INT(got, cases[i].want);
    }
}

TEST(duration_parse_invalid)
{
    static const struct {
        const char *in;
        const char *msg; /* a part of the message */
    } cases[] = {
        {"", "invalid duration \"\""},
        {"3", "missing unit"},
        {"-", "invalid duration \"-\""},
        {"+", "invalid duration"},
        {"s", "invalid duration \"s\""},
        {".", "invalid duration \".\""},
        {"-.", "invalid duration"},
        {".s", "invalid duration \".s\""},
        {"+.s", "invalid duration"},
        {"1d", "unknown unit \"d\""},
        {"1.5x", "unknown unit \"x\""},
        {"1sec", "unknown unit \"sec\""},
        {"\x85\x85", "invalid duration"},
        {"\xff" "ff", "invalid duration"},
        {"hello \xff" "ff world", "invalid duration"},
        {"\xef\xbf\xbd", "invalid duration"},
        {"1s ", "unknown unit \"s \""},
        {" 1s", "invalid duration"},
        {"1s-1s", "unknown unit \"s-\""},
        {"--1s", "invalid duration"},
        {"abc", "invalid duration"},
        {"9223372036854775808ns", "out of range"},
        {"9223372036854775.808us", "out of range"},
        {"9223372036854ms775us808ns", "out of range"},
        {"-9223372036854775809ns", "out of range"},
        {"3000000h", "out of range"},
        {"99999999999999999999s", "out of range"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int64_t got = 1;
        fm_error_clear();
        int rc = fm_goduration_parse(&got, cases[i].in);
        if (rc != FM_EPARSE) fprintf(stderr, "  case \"%s\" was accepted: %lld\n", cases[i].in,
                                     (long long)got);
        CHECK_INT(rc, FM_EPARSE);
        CHECK_CONTAINS(fm_error_last()->message, cases[i].msg);
    }
    int64_t v = 7;
    CHECK_INT(fm_goduration_parse(&v, NULL), FM_EPARSE);
}

TEST(duration_format)
{
    static const struct {
        int64_t in;
        const char *want;
    } cases[] = {
        {0, "0s"},
        {1 * NS, "1ns"},
        {1100 * NS, "1.1\xc2\xb5s"},
        {2200 * US, "2.2ms"},
        {500 * MS, "500ms"},
        {3300 * MS, "3.3s"},
        {30 * SEC, "30s"},
        {90 * SEC, "1m30s"},
        {4 * MIN + 5 * SEC, "4m5s"},
        {4 * MIN + 5001 * MS, "4m5.001s"},
        {5 * HOUR + 6 * MIN + 7001 * MS, "5h6m7.001s"},
        {8 * MIN + 1 * NS, "8m0.000000001s"},
        {HOUR, "1h0m0s"},
        {5 * MIN, "5m0s"},
        {-90 * MIN, "-1h30m0s"},
        {-1 * NS, "-1ns"},
        {INT64_MAX, "2562047h47m16.854775807s"},
        {INT64_MIN, "-2562047h47m16.854775808s"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char buf[GODURATION_FORMAT_MAX];
        CHECK_STR(fm_goduration_format(buf, cases[i].in), cases[i].want);
        /* Every formatted value parses back to itself. */
        int64_t back = 0;
        CHECK_INT(fm_goduration_parse(&back, buf), 0);
        CHECK_INT(back, cases[i].in);
    }
}

/* --------------------------------------------------------- value syntax */

TEST(int_literals)
{
    static const struct {
        const char *in;
        int rc;
        int64_t want;
    } cases[] = {
        {"0", 0, 0},
        {"-0", 0, 0},
        {"42", 0, 42},
        {"+42", 0, 42},
        {"-42", 0, -42},
        {"0x1F", 0, 31},
        {"0X1f", 0, 31},
        {"0o17", 0, 15},
        {"017", 0, 15},
        {"0b101", 0, 5},
        {"1_000_000", 0, 1000000},
        {"0x_1f", 0, 31},
        {"0_17", 0, 15},
        {"9223372036854775807", 0, INT64_MAX},
        {"-9223372036854775808", 0, INT64_MIN},
        {"9223372036854775808", FM_ELIMIT, 0},
        {"-9223372036854775809", FM_ELIMIT, 0},
        {"99999999999999999999", FM_ELIMIT, 0},
        {"", FM_EPARSE, 0},
        {"-", FM_EPARSE, 0},
        {"abc", FM_EPARSE, 0},
        {"12a", FM_EPARSE, 0},
        {" 1", FM_EPARSE, 0},
        {"1 ", FM_EPARSE, 0},
        {"1.5", FM_EPARSE, 0},
        {"08", FM_EPARSE, 0},
        {"0x", FM_EPARSE, 0},
        {"0b2", FM_EPARSE, 0},
        {"_1", FM_EPARSE, 0},
        {"1_", FM_EPARSE, 0},
        {"1__0", FM_EPARSE, 0},
        {"--1", FM_EPARSE, 0},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int64_t got = 77;
        int rc = fm_flags_parse_int64(&got, cases[i].in);
        if (rc != cases[i].rc) fprintf(stderr, "  case \"%s\": rc %d\n", cases[i].in, rc);
        CHECK_INT(rc, cases[i].rc);
        if (cases[i].rc == 0) CHECK_INT(got, cases[i].want);
    }
}

TEST(bool_literals)
{
    const char *yes[] = {"1", "t", "T", "TRUE", "true", "True"};
    const char *no[] = {"0", "f", "F", "FALSE", "false", "False"};
    const char *bad[] = {"", "yes", "no", "tRUE", "2", "on", " true"};
    for (size_t i = 0; i < 6; i++) {
        bool v = false;
        CHECK_INT(fm_flags_parse_bool(&v, yes[i]), 0);
        CHECK(v);
        v = true;
        CHECK_INT(fm_flags_parse_bool(&v, no[i]), 0);
        CHECK(!v);
    }
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        bool v = false;
        CHECK_INT(fm_flags_parse_bool(&v, bad[i]), FM_EPARSE);
    }
}

/* ---------------------------------------------------------------- parser */

/* The agent's flags, as the agent main declares them. */
typedef struct agent_flags {
    const char *name;
    const char *kubeconfig;
    bool leader;
    int64_t ram;
    int64_t interval;
    fm_list roles;
    fm_list models;
    fm_flags_def defs[7];
    fm_flags_set set;
} agent_flags;

static void agent_flags_init(agent_flags *a)
{
    memset(a, 0, sizeof(*a));
    fm_flags_def defs[7] = {
        {"fleet-node-name", FLAGS_STRING, &a->name, NULL, "FleetNode `name` (default: the host name)", false},
        {"kubeconfig", FLAGS_STRING, &a->kubeconfig, NULL, "path to a kubeconfig", false},
        {"leader-elect", FLAGS_BOOL, &a->leader, "false", "enable leader election", false},
        {"total-ram-gb", FLAGS_INT, &a->ram, "0", "override the probed RAM in GiB", false},
        {"heartbeat-interval", FLAGS_DURATION, &a->interval, "30s", "how often to report", false},
        {"roles", FLAGS_STRLIST, &a->roles, "worker", "comma-separated roles", false},
        {"installed-models", FLAGS_STRLIST, &a->models, NULL, "comma-separated models", false},
    };
    memcpy(a->defs, defs, sizeof(defs));
    a->set.program = "foreman-agent";
    a->set.defs = a->defs;
    a->set.n_defs = 7;
}

static int parse(agent_flags *a, int *first, int argc, char **argv)
{
    agent_flags_init(a);
    fm_error_clear();
    return fm_flags_parse(&a->set, argc, argv, first);
}

#define ARGV(...) ((char *[]){"prog", __VA_ARGS__, NULL})
#define ARGC(...) ((int)(sizeof((char *[]){"prog", __VA_ARGS__}) / sizeof(char *)))
#define PARSE(a, first, ...) parse(a, first, ARGC(__VA_ARGS__), ARGV(__VA_ARGS__))

TEST(parse_defaults)
{
    agent_flags a;
    int first = -1;
    char *argv[] = {"prog", NULL};
    CHECK_INT(parse(&a, &first, 1, argv), 0);
    CHECK_INT(first, 1);
    CHECK_STR(a.name, "");
    CHECK(!a.leader);
    CHECK_INT(a.ram, 0);
    CHECK_INT(a.interval, 30 * SEC);
    CHECK_INT(a.roles.len, 1);
    CHECK_STR(((char **)a.roles.items)[0], "worker");
    CHECK(a.models.items == NULL && a.models.len == 0);
    CHECK(!fm_flags_is_set(&a.set, "roles"));
    fm_flags_free(&a.set);
    CHECK(a.roles.items == NULL);
}

TEST(parse_every_syntax)
{
    agent_flags a;
    int first = -1;
    /* -flag value, --flag=value, -flag=value, --flag value, bare bool. */
    CHECK_INT(PARSE(&a, &first, "-fleet-node-name", "m5", "--heartbeat-interval=1m30s",
                    "-total-ram-gb=64", "--roles", "worker, gpu,,", "--leader-elect", "rest",
                    "-x"),
              0);
    CHECK_STR(a.name, "m5");
    CHECK_INT(a.interval, 90 * SEC);
    CHECK_INT(a.ram, 64);
    CHECK_INT(a.roles.len, 2);
    CHECK_STR(((char **)a.roles.items)[0], "worker");
    CHECK_STR(((char **)a.roles.items)[1], "gpu");
    CHECK(a.leader);
    CHECK_INT(first, 8); /* "rest": parsing stops at the first positional */
    CHECK(fm_flags_is_set(&a.set, "roles"));
    CHECK(fm_flags_is_set(&a.set, "leader-elect"));
    CHECK(!fm_flags_is_set(&a.set, "kubeconfig"));
    CHECK(!fm_flags_is_set(&a.set, "no-such-flag"));
    fm_flags_free(&a.set);
}

TEST(parse_bool_forms)
{
    agent_flags a;
    int first = -1;
    CHECK_INT(PARSE(&a, &first, "--leader-elect=true"), 0);
    CHECK(a.leader);
    fm_flags_free(&a.set);
    CHECK_INT(PARSE(&a, &first, "--leader-elect", "--leader-elect=false"), 0);
    CHECK(!a.leader);
    CHECK(fm_flags_is_set(&a.set, "leader-elect"));
    fm_flags_free(&a.set);
    /* `--x false` does not clear x: "false" is a positional argument. */
    CHECK_INT(PARSE(&a, &first, "--leader-elect", "false"), 0);
    CHECK(a.leader);
    CHECK_INT(first, 2);
    fm_flags_free(&a.set);
    CHECK_INT(PARSE(&a, &first, "-leader-elect=1"), 0);
    CHECK(a.leader);
    fm_flags_free(&a.set);
    CHECK_INT(PARSE(&a, &first, "--leader-elect=yes"), FM_EINVAL);
    CHECK_STR(fm_error_last()->message, "invalid boolean value \"yes\" for -leader-elect: parse error");
    fm_flags_free(&a.set);
}

TEST(parse_terminators)
{
    agent_flags a;
    int first = -1;
    CHECK_INT(PARSE(&a, &first, "--kubeconfig", "/k", "--", "--roles", "x"), 0);
    CHECK_STR(a.kubeconfig, "/k");
    CHECK_INT(first, 4); /* "--" is consumed; "--roles" is positional */
    CHECK_STR(((char **)a.roles.items)[0], "worker");
    fm_flags_free(&a.set);
    /* A lone "-" is a positional argument. */
    CHECK_INT(PARSE(&a, &first, "-", "--leader-elect"), 0);
    CHECK_INT(first, 1);
    CHECK(!a.leader);
    fm_flags_free(&a.set);
    /* The value of a non-bool flag is the next word, whatever it is. */
    CHECK_INT(PARSE(&a, &first, "--kubeconfig", "--leader-elect"), 0);
    CHECK_STR(a.kubeconfig, "--leader-elect");
    CHECK(!a.leader);
    CHECK_INT(first, 3);
    fm_flags_free(&a.set);
    /* An empty value after '=' is a value. */
    CHECK_INT(PARSE(&a, &first, "--kubeconfig="), 0);
    CHECK_STR(a.kubeconfig, "");
    CHECK(fm_flags_is_set(&a.set, "kubeconfig"));
    fm_flags_free(&a.set);
    /* The last of repeated flags wins; a repeated list replaces the old. */
    CHECK_INT(PARSE(&a, &first, "--roles=a,b", "--roles", "c", "--total-ram-gb", "1",
                    "--total-ram-gb", "2"),
              0);
    CHECK_INT(a.roles.len, 1);
    CHECK_STR(((char **)a.roles.items)[0], "c");
    CHECK_INT(a.ram, 2);
    fm_flags_free(&a.set);
    /* A list flag given only commas and spaces is absent. */
    CHECK_INT(PARSE(&a, &first, "--installed-models", " , ,"), 0);
    CHECK(a.models.items == NULL && a.models.len == 0);
    CHECK(fm_flags_is_set(&a.set, "installed-models"));
    fm_flags_free(&a.set);
}

TEST(parse_errors)
{
    static const struct {
        const char *args[3];
        int argc;
        const char *msg;
    } cases[] = {
        {{"--heartbeat-interval", "abc"}, 2,
         "invalid value \"abc\" for flag -heartbeat-interval: parse error"},
        {{"--heartbeat-interval=30"}, 1,
         "invalid value \"30\" for flag -heartbeat-interval: parse error"},
        {{"--total-ram-gb=lots"}, 1, "invalid value \"lots\" for flag -total-ram-gb: parse error"},
        {{"--total-ram-gb=99999999999999999999"}, 1,
         "invalid value \"99999999999999999999\" for flag -total-ram-gb: value out of range"},
        {{"--nope"}, 1, "flag provided but not defined: -nope"},
        {{"-nope=1"}, 1, "flag provided but not defined: -nope"},
        {{"--kubeconfig"}, 1, "flag needs an argument: -kubeconfig"},
        {{"---kubeconfig=x"}, 1, "bad flag syntax: ---kubeconfig=x"},
        {{"-=x"}, 1, "bad flag syntax: -=x"},
        {{"--=x"}, 1, "bad flag syntax: --=x"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        agent_flags a;
        char *argv[4] = {"prog", (char *)cases[i].args[0], (char *)cases[i].args[1], NULL};
        CHECK_INT(parse(&a, NULL, cases[i].argc + 1, argv), FM_EINVAL);
        CHECK_STR(fm_error_last()->message, cases[i].msg);
        fm_flags_free(&a.set);
    }
}

TEST(parse_help)
{
    const char *helps[] = {"-h", "--h", "-help", "--help", "--help=x"};
    for (size_t i = 0; i < 5; i++) {
        agent_flags a;
        int first = -1;
        char *argv[] = {"prog", "--roles=x", (char *)helps[i], NULL};
        CHECK_INT(parse(&a, &first, 3, argv), FLAGS_HELP);
        fm_flags_free(&a.set);
    }
    /* A program that defines -h gets it as a normal flag. */
    bool h = false;
    fm_flags_def defs[] = {{"h", FLAGS_BOOL, &h, NULL, "my own h", false}};
    fm_flags_set fs = {"prog", defs, 1};
    char *argv[] = {"prog", "-h", NULL};
    CHECK_INT(fm_flags_parse(&fs, 2, argv, NULL), 0);
    CHECK(h);
}

TEST(bad_default_is_reported)
{
    int64_t d = 0;
    fm_flags_def defs[] = {{"interval", FLAGS_DURATION, &d, "30", "x", false}};
    fm_flags_set fs = {"prog", defs, 1};
    char *argv[] = {"prog", NULL};
    CHECK_INT(fm_flags_parse(&fs, 1, argv, NULL), FM_EINVAL);
    CHECK_CONTAINS(fm_error_last()->message, "default of flag -interval");
}

TEST(usage_text)
{
    agent_flags a;
    agent_flags_init(&a);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    CHECK_FATAL(f != NULL);
    fm_flags_usage(f, &a.set);
    fclose(f);
    const char *want =
        "Usage of foreman-agent:\n"
        "  -fleet-node-name name\n"
        "    \tFleetNode name (default: the host name)\n"
        "  -heartbeat-interval duration\n"
        "    \thow often to report (default 30s)\n"
        "  -installed-models string\n"
        "    \tcomma-separated models\n"
        "  -kubeconfig string\n"
        "    \tpath to a kubeconfig\n"
        "  -leader-elect\n"
        "    \tenable leader election\n"
        "  -roles string\n"
        "    \tcomma-separated roles (default \"worker\")\n"
        "  -total-ram-gb int\n"
        "    \toverride the probed RAM in GiB\n";
    CHECK_STR(text, want);
    free(text);

    /* A one-letter bool keeps its usage on the same line; a duration
     * default is shown in Go's canonical form. */
    bool v = false;
    int64_t d = 0;
    fm_flags_def defs[] = {{"v", FLAGS_BOOL, &v, NULL, "verbose", false},
                        {"d", FLAGS_DURATION, &d, "90s", "delay", false}};
    fm_flags_set fs = {"x", defs, 2};
    f = open_memstream(&text, &len);
    CHECK_FATAL(f != NULL);
    fm_flags_usage(f, &fs);
    fclose(f);
    CHECK_STR(text, "Usage of x:\n  -d duration\n    \tdelay (default 1m30s)\n  -v\tverbose\n");
    free(text);
}

int main(void)
{
    RUN(duration_parse_valid);
    RUN(duration_parse_invalid);
    RUN(duration_format);
    RUN(int_literals);
    RUN(bool_literals);
    RUN(parse_defaults);
    RUN(parse_every_syntax);
    RUN(parse_bool_forms);
    RUN(parse_terminators);
    RUN(parse_errors);
    RUN(parse_help);
    RUN(bad_default_is_reported);
    RUN(usage_text);
    return test_summary();
}
