import { accountFooter, providerFooter } from '../domain/footer';
import { NotificationView } from '../domain/notification-view';
import { NotificationRenderer } from './notification-renderer.service';

const view: NotificationView = {
  kind: 'info_requested',
  subject: '【进园区服务】需求待补充信息：<b>标题</b>',
  heading: '服务台请您补充需求信息',
  greeting: '李华：您好！',
  paragraphs: ['第一段 <script>alert(1)</script>', '第二段'],
  quote: { label: '服务台的问题', text: '请补充 "融资规模" & 期限' },
  facts: [{ label: '需求名称', value: '融资<img src=x onerror=alert(1)>' }],
  action: { label: '查看工单', url: 'https://ep.example.cn/tickets/t-1?a=1&b=2' },
  notes: ['仅限本人使用'],
};

describe('NotificationRenderer', () => {
  const renderer = new NotificationRenderer();

  it('fills the compiled MJML layout; every value is escaped', async () => {
    const { html } = await renderer.render(view, accountFooter('https://ep.example.cn/unsubscribe?token=u', 'https://ep.example.cn/prefs', 'notification'));
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('李华：您好！');
    expect(html).toContain('第一段 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('融资&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('请补充 &quot;融资规模&quot; &amp; 期限');
    expect(html).toContain('href="https://ep.example.cn/tickets/t-1?a&#x3D;1&amp;b&#x3D;2"');
    expect(html).toContain('href="https://ep.example.cn/unsubscribe?token&#x3D;u"');
    expect(html).toContain('退订通知邮件');
    expect(html).not.toMatch(/\{\{|\}\}/);
  });

  it('leaves out the sections a message does not have', async () => {
    const { html, text } = await renderer.render({ ...view, quote: null, action: null }, providerFooter());
    expect(html).not.toContain('服务台的问题');
    expect(html).not.toContain('查看工单');
    expect(html).not.toContain('退订');
    expect(text).not.toContain('退订');
  });
});
