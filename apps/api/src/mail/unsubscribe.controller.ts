import { Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '@enterpark/config';
import { MailPreferencesService, MailUnsubscribeTokenInvalidError } from '@enterpark/mail';
import { Public } from '../auth/auth.decorators';
import { UnsubscribeQuery, UnsubscribeResponse } from './mail.dto';
import { confirmUnsubscribePage, invalidUnsubscribeLinkPage, unsubscribedPage } from './unsubscribe-pages';

const HTML = 'text/html; charset=utf-8';

/**
 * The target of every message's unsubscribe link and List-Unsubscribe header. No account
 * needed: the signed token names the user and the category. GET only asks (scanners fetch
 * links), POST unsubscribes (RFC 8058 one-click, and the page's button).
 */
@ApiTags('mail')
@Controller('mail')
export class UnsubscribeController {
  constructor(
    private readonly preferences: MailPreferencesService,
    private readonly config: AppConfig,
  ) {}

  @Get('unsubscribe')
  @Public()
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'a confirmation page (in Chinese) whose button POSTs the unsubscribe' })
  page(@Query() query: UnsubscribeQuery, @Res({ passthrough: true }) reply: FastifyReply): string {
    try {
      const { category } = this.preferences.inspect(query.token);
      void reply.type(HTML);
      return confirmUnsubscribePage(query.token, category, this.config.mailPreferencesUrl);
    } catch (error) {
      if (!(error instanceof MailUnsubscribeTokenInvalidError)) throw error;
      void reply.status(403).type(HTML);
      return invalidUnsubscribeLinkPage(this.config.mailPreferencesUrl);
    }
  }

  @Post('unsubscribe')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: UnsubscribeResponse, description: 'JSON, or an HTML page when the caller accepts text/html (the form)' })
  @ApiForbiddenResponse({ description: 'MAIL_UNSUBSCRIBE_TOKEN_INVALID' })
  async unsubscribe(
    @Query() query: UnsubscribeQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UnsubscribeResponse | string> {
    const { category } = await this.preferences.unsubscribe(query.token);
    if (!accept?.includes('text/html')) return { unsubscribed: true, category };
    void reply.type(HTML);
    return unsubscribedPage(category, this.config.mailPreferencesUrl);
  }
}
