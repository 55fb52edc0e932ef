/*
 * check_main.c - runs every unit-test suite and exits non-zero when any test
 * fails.  Check forks each test (a crash fails one test, not the run); set
 * CK_FORK=no to run them in one process under a debugger or valgrind.
 * Also the helpers the suites share (suites.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"

char *test_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f && strncmp(path, "../shared/", 10) == 0) {
        return NULL; /* the data beside the repository is optional */
    }
    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

int main(void)
{
    SRunner *sr = srunner_create(api_suite());
    srunner_add_suite(sr, normalize_suite());
    srunner_add_suite(sr, trie_suite());
    srunner_add_suite(sr, gazetteer_suite());
    srunner_add_suite(sr, scan_suite());
    srunner_add_suite(sr, json_out_suite());
    srunner_add_suite(sr, document_suite());
    srunner_add_suite(sr, jsonl_suite());
    srunner_add_suite(sr, topics_suite());
    srunner_add_suite(sr, model_file_suite());
    srunner_add_suite(sr, json_writer_suite());
    srunner_add_suite(sr, recognize_suite());
    srunner_add_suite(sr, layout_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
