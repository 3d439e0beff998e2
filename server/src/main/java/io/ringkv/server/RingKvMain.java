package io.ringkv.server;

import io.ringkv.server.cli.AdminCommand;
import io.ringkv.server.cli.DevClusterCommand;
import io.ringkv.server.cli.NodeCommand;
import io.ringkv.server.config.InvalidConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the runnable jar: {@code node}, {@code dev} and {@code admin} subcommands. */
@Command(
        name = "ringkv-server",
        mixinStandardHelpOptions = true,
        version = "RingKV 0.1.0",
        subcommands = {NodeCommand.class, DevClusterCommand.class, AdminCommand.class},
        description = "RingKV: a Dynamo-style, always-writable key-value store.")
public final class RingKvMain implements Runnable {

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new RingKvMain());
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            if (failure instanceof InvalidConfigException || failure instanceof IllegalArgumentException) {
                line.getErr().println(failure.getMessage());
                return 2;
            }
            throw failure;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
