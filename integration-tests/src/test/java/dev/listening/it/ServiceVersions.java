package dev.listening.it;

/**
 * The Kafka and Cassandra versions of the parent pom (kafka.version, cassandra.version), which
 * failsafe passes to the ITs: the local stack runs them from Maven artifacts, and the Docker images
 * (docker-compose.yml, DockerPipelineIT) must run the same. The monitoring images of docker-compose.yml
 * carry the parent pom's prometheus-image.tag and grafana-image.tag.
 */
final class ServiceVersions {
    static final String KAFKA_IMAGE = "apache/kafka";
    static final String CASSANDRA_IMAGE = "cassandra";
    static final String PROMETHEUS_IMAGE = "prom/prometheus";
    static final String GRAFANA_IMAGE = "grafana/grafana";

    private ServiceVersions() {
    }

    static String kafkaImage() {
        return KAFKA_IMAGE + ":" + property("kafka.version");
    }

    static String cassandraImage() {
        return CASSANDRA_IMAGE + ":" + property("cassandra.version");
    }

    static String prometheusImage() {
        return PROMETHEUS_IMAGE + ":" + property("prometheus-image.tag");
    }

    static String grafanaImage() {
        return GRAFANA_IMAGE + ":" + property("grafana-image.tag");
    }

    private static String property(String name) {
        String value = System.getProperty(name, "");
        if (value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the ITs through Maven, whose failsafe passes the parent pom's value");
        }
        return value;
    }
}
