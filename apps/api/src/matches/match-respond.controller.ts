import { Body, Controller, Get, Logger, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { DomainError, DomainErrorKind, ErrorDetail, isUuid } from '@enterpark/common';
import { AnswerMatchService, MATCH_LIMITS } from '@enterpark/matching';
import { ReadProposalService } from '@enterpark/notifications';
import { Public } from '../auth/auth.decorators';
import { flattenValidationErrors } from '../errors/validation-errors';
import { answeredPage, errorPage, PAGE_HEADERS, proposalPage } from './match-respond.page';
import { RespondLinkQuery, RespondMatchForm } from './match-respond.dto';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = { invalid: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, unprocessable: 422, too_many_requests: 429 };

const TITLES: Record<string, string> = {
  MATCH_LINK_INVALID: '答复链接无效',
  MATCH_PROPOSAL_EXPIRED: '推荐已过答复期限',
  MATCH_ALREADY_ANSWERED: '该推荐已答复',
  MATCH_NOT_FOUND: '推荐不存在',
  TICKET_INVALID_TRANSITION: '该需求的状态已变化',
};

/** A refusal the page shows: an HTTP status, a title and what to fix. */
class PageRefusal {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly message: string,
    readonly details: ErrorDetail[] = [],
  ) {}
}

/**
 * The page a provider reaches from its proposal email (no account: the signed link is the
 * authority). GET only shows the proposal, because mail scanners fetch links; the answer
 * is a POST of one of its forms, through the same use case staff answer with. Every
 * outcome, refusals included, is an HTML page in Chinese.
 */
@ApiExcludeController()
@Controller('matches/:id/respond')
export class MatchRespondController {
  private readonly logger = new Logger('MatchRespond');

  constructor(
    private readonly proposals: ReadProposalService,
    private readonly answers: AnswerMatchService,
  ) {}

  @Get()
  @Public()
  async show(@Param('id') id: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    await this.page(reply, async () => {
      const { matchId, token } = link(id, query);
      return { status: 200, html: proposalPage(await this.proposals.forLink(matchId, token), token, MATCH_LIMITS.declineReasonLength) };
    });
  }

  @Post()
  @Public()
  async answer(@Param('id') id: string, @Query() query: Record<string, unknown>, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    await this.page(reply, async () => {
      const { matchId, token } = link(id, query);
      const form = valid(RespondMatchForm, body ?? {});
      const answerer = { kind: 'link' as const, token };
      if (form.decision === 'accept') await this.answers.accept(answerer, matchId);
      else await this.answers.decline(answerer, matchId, form.reason!.trim());
      return { status: 200, html: answeredPage(form.decision) };
    });
  }

  private async page(reply: FastifyReply, work: () => Promise<{ status: number; html: string }>): Promise<void> {
    let result: { status: number; html: string };
    try {
      result = await work();
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal.status >= 500) this.logger.error(error);
      result = { status: refusal.status, html: errorPage(refusal.title, refusal.message, refusal.details.map((d) => d.message)) };
    }
    await reply.status(result.status).headers(PAGE_HEADERS).send(result.html);
  }
}

function link(id: string, query: Record<string, unknown>): { matchId: string; token: string } {
  if (!isUuid(id)) throw new PageRefusal(404, TITLES.MATCH_NOT_FOUND, '链接中的推荐编号无效，请使用邮件中的完整链接。');
  const { token } = valid(RespondLinkQuery, { token: query.token });
  return { matchId: id.toLowerCase(), token };
}

/** The global ValidationPipe would answer JSON; the page validates its own input to answer HTML. */
function valid<T extends object>(type: new () => T, input: unknown): T {
  const instance = plainToInstance(type, input);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length) throw new PageRefusal(400, '提交的内容有误', '请返回上一页修改后重新提交。', flattenValidationErrors(errors));
  return instance;
}

function refusalOf(error: unknown): PageRefusal {
  if (error instanceof PageRefusal) return error;
  if (error instanceof DomainError) return new PageRefusal(STATUS_OF_KIND[error.kind], TITLES[error.code] ?? '无法完成操作', error.message, error.details);
  return new PageRefusal(500, '服务器内部错误', '请稍后再试。');
}
