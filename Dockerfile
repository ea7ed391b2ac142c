# syntax=docker/dockerfile:1
# vertx-dynomite's image: the fat jar built with CI's Maven command, run on a JRE 17 as a non-root
# user. Build and run (docs/OPERATIONS.md, docs/KUBERNETES.md):
#   docker build -t vertx-dynomite .
#   docker run --rm -p 8102:8102 -p 22222:22222 vertx-dynomite
#   redis-cli -p 8102 ping
# Configuration: /etc/dynomite/dynomite.yml (docker/dynomite.yml); any key can be overridden with
# an environment variable DYNOMITE_<KEY> (docs/CONFIG.md), e.g. -e DYNOMITE_READ_CONSISTENCY=dc_quorum.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The unit tests run here as in CI; the integration tests need redis-server and run in CI only.
RUN --mount=type=cache,target=/root/.m2 mvn -B package

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 dynomite \
    && useradd --system --uid 10001 --gid dynomite --home-dir /var/lib/dynomite --no-create-home \
       --shell /usr/sbin/nologin dynomite \
    && mkdir -p /etc/dynomite /opt/dynomite/bin /var/lib/dynomite \
    && chown dynomite:dynomite /var/lib/dynomite
COPY --from=build /src/target/vertx-dynomite.jar /opt/dynomite/vertx-dynomite.jar
COPY docker/dynomite.yml /etc/dynomite/dynomite.yml
COPY --chmod=0755 docker/entrypoint /opt/dynomite/bin/entrypoint
# A class-data archive of the node's classes next to the jar (/opt/dynomite/vertx-dynomite.jsa),
# made by a training run of two nodes on 127.0.0.1 on this very JRE (bin/lib/cds.sh); the
# entrypoint hands it to the JVM, and a node starts about 1.5 s sooner (docs/BENCHMARKS.md). If the
# training fails the build goes on, and nodes start without it.
COPY bin/lib/resp.sh bin/lib/cds.sh /opt/dynomite/lib/
RUN bash -c '. /opt/dynomite/lib/resp.sh && . /opt/dynomite/lib/cds.sh && cds_options java /opt/dynomite/vertx-dynomite.jar'
# The heap holds the embedded store's data: size embedded_maxmemory below it.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
WORKDIR /var/lib/dynomite
USER 10001:10001
# client (listen), peers (dyn_listen: Hazelcast), event bus (eventbus_port), admin (stats_listen)
EXPOSE 8102 8101 8103 22222
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD ["/opt/dynomite/bin/entrypoint", "probe", "/ping"]
ENTRYPOINT ["/opt/dynomite/bin/entrypoint"]
CMD ["-c", "/etc/dynomite/dynomite.yml"]
