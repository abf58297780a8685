/**
 * The relay process (distributed mode): publishes every event of the store to JetStream in position
 * order, resuming after the last event the stream holds. One replica per event store.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { jetstreamManager } from '@nats-io/jetstream';
import { JetStreamEventPublisher, prefixStream, prefixSubject } from '@hotline/infra/bus';
import { describeConfig, loadConfig } from '@hotline/infra/config';
import { onShutdown } from '@hotline/infra/health';
import { Platform } from '@hotline/infra/platform';
import { FanOutEventPublisher, integrationFeed, lastPublishedPosition, Relay } from '@hotline/infra/relay';
import { relayConfigSchema } from './relay.config';
import { relayMetrics } from './relay-metrics';
import { RelayModule } from './relay.module';

async function main(): Promise<void> {
  const config = loadConfig(relayConfigSchema, undefined, 'relay');
  const platform = await Platform.open('relay', config);
  platform.logger.info({ config: describeConfig(config) }, 'relay configuration');
  const connection = platform.natsConnection;
  const jsm = await jetstreamManager(connection);
  const ackTimeoutMs = config.RELAY_PUBLISH_TIMEOUT_MS;
  const internal = new JetStreamEventPublisher({ connection, topology: platform.topology, ackTimeoutMs });
  // The integration feed goes first: the relay resumes from the internal stream (ADR 0006).
  const publisher =
    config.RELAY_INTEGRATION_STREAM === undefined
      ? internal
      : new FanOutEventPublisher([
          await integrationFeed(jsm, {
            connection,
            ackTimeoutMs,
            // Under the deployment's HOTLINE_BUS_PREFIX like every other stream and subject.
            stream: prefixStream(config.HOTLINE_BUS_PREFIX, config.RELAY_INTEGRATION_STREAM),
            subjectPrefix: prefixSubject(config.HOTLINE_BUS_PREFIX, config.RELAY_INTEGRATION_SUBJECT_PREFIX),
            categories: config.RELAY_INTEGRATION_CATEGORIES.split(','),
            onUnreadable: (event, error) =>
              platform.logger.error(
                { err: error, eventId: event.id, type: event.type, position: event.position },
                'event left out of the integration feed: it does not read under its schema',
              ),
          }),
          internal,
        ]);
  const relay = new Relay({
    store: platform.eventStore,
    publisher,
    resumePosition: () => lastPublishedPosition(jsm, platform.topology.eventsStream),
    batchSize: config.RELAY_BATCH_SIZE,
    maxRetryDelayMs: config.RELAY_RETRY_MAX_MS,
    onReconnect: (listener) => platform.natsLink?.onReconnect(listener) ?? (() => undefined),
    logger: platform.logger,
    metrics: relayMetrics(platform.metrics),
  });
  await relay.start();

  const app = await NestFactory.create(RelayModule.register(platform), { logger: false });
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  platform.logger.info({ url: await app.getUrl(), fromPosition: relay.position }, 'relay listening');
  onShutdown(
    app,
    [
      { name: 'relay', run: () => relay.stop() },
      { name: 'publisher', run: () => publisher.close() },
      { name: 'platform', run: () => platform.close() },
    ],
    {
      delayMs: config.HOTLINE_SHUTDOWN_DELAY_MS,
      timeoutMs: config.HOTLINE_SHUTDOWN_TIMEOUT_MS,
      logger: platform.logger,
    },
  );
}

main().catch((error: unknown) => {
  console.error(
    JSON.stringify({ level: 'fatal', service: 'relay', msg: 'relay failed to start', err: String(error) }),
  );
  process.exit(1);
});
