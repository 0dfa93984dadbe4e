import { classifySmtpFailure } from './smtp-failure';

describe('classifySmtpFailure', () => {
  it.each([
    ['550 on RCPT TO', { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 no such user' }, 'permanent'],
    ['554 5.7.1 after DATA: the message refused, not the address', { code: 'EMESSAGE', responseCode: 554, command: 'DATA', response: '554 5.7.1 rejected as spam' }, 'rejected'],
    ['552 after DATA: too large', { code: 'EMESSAGE', responseCode: 552, command: 'DATA', response: '552 message size exceeds limit' }, 'rejected'],
    ['550 5.1.1 after DATA: the mailbox is gone', { code: 'EMESSAGE', responseCode: 550, command: 'DATA', response: '550 5.1.1 user unknown' }, 'permanent'],
    ['451 after DATA', { code: 'EMESSAGE', responseCode: 451, command: 'DATA', response: '451 try later' }, 'transient'],
    ['421 on connect', { code: 'ECONNECTION', responseCode: 421, command: 'CONN' }, 'transient'],
    ['503 bad sequence on DATA', { code: 'EENVELOPE', responseCode: 503, command: 'DATA' }, 'transient'],
    ['535 auth failed: our configuration, not the address', { code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' }, 'transient'],
    ['550 to MAIL FROM: the sender, not the address', { code: 'EENVELOPE', responseCode: 550, command: 'MAIL FROM' }, 'transient'],
    ['connection refused', { code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' }, 'transient'],
    ['timeout', { code: 'ETIMEDOUT', message: 'Greeting never received' }, 'transient'],
    ['not an object', 'boom', 'transient'],
  ])('%s → %s', (_case, error, kind) => {
    expect(classifySmtpFailure(error).kind).toBe(kind);
  });

  it('records the code, the command and the server reply', () => {
    const failure = classifySmtpFailure({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 no such user', message: 'x' });
    expect(failure.error).toBe('EENVELOPE RCPT TO: 550 5.1.1 no such user');
  });
});
