/*
 * commands.h - sub-commands of the tagger command, one file each
 * (tagger/cli/<name>_cmd.c); main.c dispatches on the first argument.
 */
#ifndef TG_CLI_COMMANDS_H
#define TG_CLI_COMMANDS_H

/* `tagger compile [-o FILE] [--builtin] [SOURCES...]`; @p argv[0] is
 * "compile".  Returns the exit status. */
int tg_cli_compile(int argc, char **argv);

/* Prints every diagnostic of @p err as "tagger: file:line: message". */
struct tagger_error;
void tg_cli_print_errors(const struct tagger_error *err);

#endif /* TG_CLI_COMMANDS_H */
