import { ErrorCode, type AckFn, type App } from '@slack/bolt';

/**
 * Acknowledges, once every listener has run, a request none of them acknowledged: a view
 * submission, a shortcut or a button this app has no listener for. Without it Bolt answers such a
 * request only when its ack timeout runs out, with a 404, which Slack shows as an error; here it
 * gets an empty 200 at once. Events need nothing: Bolt acknowledges them before the listeners run.
 */
export function acknowledgeWhatNoListenerDid(app: App): void {
  app.use(async (args) => {
    await args.next();
    const { ack } = args as { ack?: AckFn<void> };
    if (!ack) return;
    try {
      await ack();
    } catch (error) {
      // A listener acknowledged it already: nothing left to do.
      if ((error as { code?: string }).code !== ErrorCode.ReceiverMultipleAckError) throw error;
    }
  });
}
