package dev.listening.cql.report;

import dev.listening.contract.Names;
import dev.listening.cql.output.Report;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** ./pipeline report: rankings from the rollup tables the streamer keeps. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Rankings from the rollups the streaming job keeps (listening_by_hour, listener_daily),",
                "reading only the partitions of the dates asked for. Prints a table and writes",
                "output/report-NAME.txt (.csv, .json with --format)."},
        subcommands = {ReportCommand.TopSongs.class, ReportCommand.TopListeners.class,
                ReportCommand.TopArtists.class, ReportCommand.BusiestHours.class})
public final class ReportCommand {
    private static final String DATE = "YYYY-MM-DD";

    @Command(name = "top-songs", mixinStandardHelpOptions = true, sortOptions = false,
            description = "The most played songs of a UTC date, or of one hour of it.")
    static final class TopSongs implements Callable<Integer> {
        @Mixin
        DateOption day;

        @Option(names = "--hour", paramLabel = "H", description = "UTC hour, 0-23 (default: the whole date).")
        Integer hour;

        @Mixin
        ReportOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<DateHour> hours = hour == null ? DateHour.allOf(day.date) : List.of(new DateHour(day.date, hour));
            Map<String, Object> parameters = hour == null ? parameters("date", day.date, "n", options.n)
                    : parameters("date", day.date, "hour", hour, "n", options.n);
            return options.publish(spec, (reader, keyspace) -> new Report(spec.name(), keyspace, parameters,
                    partitions(Names.BY_HOUR_TABLE, hours.size()), Rankings.topSongs(reader.songPlays(hours), options.n)));
        }
    }

    @Command(name = "top-listeners", mixinStandardHelpOptions = true, sortOptions = false,
            description = "The listeners with the most plays on a UTC date, with their minutes listened.")
    static final class TopListeners extends DateReport {
        @Override
        Report report(RollupReader reader, String keyspace, Map<String, Object> parameters) {
            return new Report(spec.name(), keyspace, parameters, partitions(Names.LISTENER_DAILY_TABLE, 1),
                    Rankings.topListeners(reader.listenerDays(day.date), options.n));
        }
    }

    @Command(name = "top-artists", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"The most played artists from one UTC date to another, both included.",
                    "A song credited to several artists counts a play for each."})
    static final class TopArtists implements Callable<Integer> {
        @Option(names = "--from", required = true, paramLabel = DATE, converter = DateConverter.class, description = "First UTC date.")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = DATE, converter = DateConverter.class, description = "Last UTC date.")
        LocalDate to;

        @Mixin
        ReportOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<DateHour> hours = DateHour.allOf(from, to);
            Map<String, Object> parameters = parameters("from", from, "to", to, "n", options.n);
            return options.publish(spec, (reader, keyspace) -> new Report(spec.name(), keyspace, parameters,
                    partitions(Names.BY_HOUR_TABLE, hours.size()), Rankings.topArtists(reader.songPlays(hours), options.n)));
        }
    }

    @Command(name = "busiest-hours", mixinStandardHelpOptions = true, sortOptions = false,
            description = "The hours of a UTC date by plays, busiest first, with their distinct listeners.")
    static final class BusiestHours extends DateReport {
        @Override
        Report report(RollupReader reader, String keyspace, Map<String, Object> parameters) {
            return new Report(spec.name(), keyspace, parameters, partitions(Names.BY_HOUR_TABLE, DateHour.HOURS_PER_DAY),
                    Rankings.busiestHours(reader.hourTotals(day.date), options.n));
        }
    }

    /** A report of one UTC date and nothing else: --date, then what every report takes. */
    abstract static class DateReport implements Callable<Integer> {
        @Mixin
        DateOption day;

        @Mixin
        ReportOptions options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return options.publish(spec, (reader, keyspace) -> report(reader, keyspace, parameters("date", day.date, "n", options.n)));
        }

        /** The report of --date, named after the command. */
        abstract Report report(RollupReader reader, String keyspace, Map<String, Object> parameters);
    }

    /** Option names and values, in the order given. */
    private static Map<String, Object> parameters(Object... namesAndValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    private static String partitions(String table, int count) {
        return count + (count == 1 ? " partition of " : " partitions of ") + table;
    }

    /** --date, a UTC date. */
    static final class DateOption {
        @Option(names = "--date", required = true, paramLabel = DATE, converter = DateConverter.class, description = "UTC date.")
        LocalDate date;
    }

    /** A UTC date, YYYY-MM-DD, with a message that says so. */
    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a date (" + DATE + ")");
            }
        }
    }
}
