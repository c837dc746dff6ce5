/** The command line: finds the {@link ai.bookkeeper.cli.Command} a user named and runs it. Depends on no module. */
package ai.bookkeeper.cli;
