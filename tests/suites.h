/*
 * suites.h - the Check suites of the unit tests, one per module; each is
 * defined in tests/check_<module>.c and run by tests/check_main.c.
 */
#ifndef TG_TEST_SUITES_H
#define TG_TEST_SUITES_H

#include <check.h>
#include <stddef.h>

Suite *normalize_suite(void);
Suite *trie_suite(void);
Suite *gazetteer_suite(void);
Suite *scan_suite(void);
Suite *json_out_suite(void);
Suite *api_suite(void);
Suite *document_suite(void);
Suite *jsonl_suite(void);
Suite *topics_suite(void);
Suite *model_file_suite(void);
Suite *json_writer_suite(void);
Suite *recognize_suite(void);
Suite *layout_suite(void);

/* The bytes of the file @p path, NUL-terminated, malloc'ed; @p *len its
 * length.  A missing file under ../shared/ (data beside the repository,
 * optional) gives NULL; any other failure fails the test. */
char *test_slurp(const char *path, size_t *len);

#endif /* TG_TEST_SUITES_H */
