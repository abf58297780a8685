import { createTransport, type Transporter } from 'nodemailer';

/** Mail out through the city's relay (the same one that answers citizens' mails). */
export interface MailSender {
  send(to: string, subject: string, text: string): Promise<void>;
}

export function relayMailSender(relayUrl: string, from: string): MailSender {
  const relay: Transporter = createTransport(relayUrl);
  return {
    async send(to, subject, text) {
      await relay.sendMail({ from, to, subject, text });
    },
  };
}
