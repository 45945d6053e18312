# The `lemegeton` CLI in a container, for docker-compose.yml (nothing in the build or tests needs Docker).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Lemegeton.Cli -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends git redis-server && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /opt/lemegeton
RUN ln -s /opt/lemegeton/lemegeton /usr/local/bin/lemegeton
WORKDIR /repo
ENTRYPOINT []
CMD ["lemegeton", "--help"]
