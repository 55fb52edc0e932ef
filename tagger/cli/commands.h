/*
 * commands.h - sub-commands of the tagger command, one file each
 * (tagger/cli/<name>_cmd.c), and the exit statuses they share with main.c;
 * main.c dispatches on the first argument.
 */
#ifndef TG_CLI_COMMANDS_H
#define TG_CLI_COMMANDS_H

#define CMD_EXIT_BAD_INPUT 1 /* some input was bad; the rest was processed */
#define CMD_EXIT_USAGE 2     /* usage or system error */
#define CMD_EXIT_MODEL 3     /* the gazetteers or the model could not be loaded */

/* `tagger compile [-o FILE] [--builtin] [SOURCES...]`; @p argv[0] is
 * "compile".  Returns the exit status. */
int tg_cli_compile(int argc, char **argv);

/* `tagger train ...`: @p argv[0] is "train".  Returns the exit status. */
int cmd_train(int argc, char **argv);

/* Prints every diagnostic of @p err as "tagger: file:line: message". */
struct tagger_error;
void tg_cli_print_errors(const struct tagger_error *err);

#endif /* TG_CLI_COMMANDS_H */
