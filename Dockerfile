# One image for every JVM of ours in docker-compose.yml: the producer, the streamer (spark-submit)
# and the Spark master/worker. Spark runs from the same Maven artifacts as on the local stack because
# the official apache/spark 3.5 images are Scala 2.12 builds and our job is Scala 2.13.
FROM maven:3.9.9-eclipse-temurin-17
WORKDIR /opt/pipeline
COPY pom.xml ./
COPY platform platform
COPY contract contract
COPY producer producer
COPY streamer streamer
COPY cql cql
COPY dashboard dashboard
COPY stack stack
COPY verify verify
COPY bench bench
COPY cli cli
COPY integration-tests integration-tests
COPY data data
COPY pipeline ./
RUN mvn -B -q -DskipTests install && mkdir -p output
# What Spark's launcher adds on Java 17 (org.apache.spark.launcher.JavaModuleOptions, 3.5.4).
ENV JDK_JAVA_OPTIONS="-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED"
