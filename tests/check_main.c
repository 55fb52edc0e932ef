/*
 * check_main.c - runs every unit-test suite and exits non-zero when any test
 * fails.  Check forks each test (a crash fails one test, not the run); set
 * CK_FORK=no to run them in one process under a debugger or valgrind.
 */
#include <stdlib.h>

#include "suites.h"

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
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
