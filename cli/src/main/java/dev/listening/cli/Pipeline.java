package dev.listening.cli;

import dev.listening.cli.bench.BenchCommand;
import dev.listening.cli.demo.DemoCommand;
import dev.listening.cli.stack.DownCommand;
import dev.listening.cli.stack.StatusCommand;
import dev.listening.cli.stack.UpCommand;
import dev.listening.cli.verify.VerifyCommand;
import dev.listening.contract.Cli;
import dev.listening.cql.QueryCommand;
import dev.listening.cql.report.ReportCommand;
import dev.listening.producer.ProduceCommand;
import dev.listening.producer.UsersCommand;
import picocli.CommandLine.Command;

/** ./pipeline: starts the local stack, produces, streams, queries. Each subcommand has --help. */
@Command(name = "pipeline", mixinStandardHelpOptions = true, versionProvider = Pipeline.Version.class,
        description = "Listening-history pipeline: producer -> Kafka -> Spark -> Cassandra -> CQL -> output/.",
        subcommands = {
                UpCommand.class,
                StatusCommand.class,
                DownCommand.class,
                ProduceCommand.class,
                UsersCommand.class,
                StreamCommand.class,
                QueryCommand.class,
                ReportCommand.class,
                DashboardCommand.class,
                SchemaCommand.class,
                DemoCommand.class,
                BenchCommand.class,
                VerifyCommand.class,
                ArchiveCommand.class,
                RollupsCommand.class,
        })
public final class Pipeline {
    public static void main(String[] args) {
        System.exit(Cli.execute(new Pipeline(), args));
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Pipeline.class.getPackage().getImplementationVersion();
            return new String[] {"pipeline " + (version == null ? "(development build)" : version)};
        }
    }
}
