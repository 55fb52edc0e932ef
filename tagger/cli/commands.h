/*
 * commands.h - the subcommands of the tagger command (tagger train, ...)
 * and the exit statuses they share with main.c.
 */
#ifndef TAGGER_CLI_COMMANDS_H
#define TAGGER_CLI_COMMANDS_H

#define CMD_EXIT_BAD_INPUT 1 /* some input was bad; the rest was processed */
#define CMD_EXIT_USAGE 2     /* usage or system error */
#define CMD_EXIT_MODEL 3     /* the gazetteers or the model could not be loaded */

/* `tagger train ...`: argv[0] is "train". */
int cmd_train(int argc, char **argv);

#endif /* TAGGER_CLI_COMMANDS_H */
