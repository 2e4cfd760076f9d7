# dokploy-doctor in a container: the jlink runtime, the jar and its class-data archive, and the
# C libraries they link; no package manager, no shell but dash for the launcher.
#
#   mvn -B package                                   # makes target/dist/dokploy-doctor (and the tarball)
#   docker build -t dokploy-doctor target/dist/dokploy-doctor
#   docker run --rm -it -v /var/run/docker.sock:/var/run/docker.sock:ro --network dokploy-network \
#     dokploy-doctor diagnose --service web --project shop
#
# The runtime comes from Debian 12's OpenJDK, so the libraries come from Debian 12 too (glibc 2.36).
# What the container can and cannot see: README.md, "Run in a container".
FROM debian:bookworm-slim AS rootfs
COPY . /dist/
RUN sh /dist/share/dokploy-doctor/rootfs.sh /dist /rootfs

FROM scratch
COPY --from=rootfs /rootfs/ /
ENV DOKPLOY_DOCTOR_CONTAINER=1 HOME=/root
WORKDIR /root
ENTRYPOINT ["/opt/dokploy-doctor/bin/dokploy-doctor"]
CMD ["--help"]
