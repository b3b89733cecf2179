import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DATABASE_TARGET, type DatabaseTarget } from '@rolemap/server-core';
import { JobQueue, type QueueStatus } from '@rolemap/server-jobs';
import { Public } from '../auth/access-rule.decorator';

/** For load balancers and container health checks: up, and able to reach the database. */
@Controller('api')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_TARGET) private readonly database: DatabaseTarget,
    private readonly queue: JobQueue,
  ) {}

  @Public()
  @Get('health')
  @HttpCode(200)
  async check(): Promise<{ status: 'ok'; database: 'embedded' | 'postgresql'; migrations: number }> {
    try {
      const [{ count }] = await this.dataSource.query('SELECT COUNT(*)::int AS count FROM rolemap_migrations');
      return { status: 'ok', database: this.database.embedded ? 'embedded' : 'postgresql', migrations: count };
    } catch (error) {
      throw new ServiceUnavailableException(`Database unreachable: ${(error as Error).message}`);
    }
  }

  /**
   * For rolling deploys and load balancers deciding whether to send traffic: the database answers
   * and every migration this build knows has been applied (a replica started on an older schema,
   * or before another replica finished migrating, says so instead of failing requests), and the
   * background-job queue is running here (`queue.working` says whether this replica takes jobs).
   */
  @Public()
  @Get('ready')
  @HttpCode(200)
  async ready(): Promise<{ status: 'ready'; database: 'embedded' | 'postgresql'; migrations: number; queue: QueueStatus }> {
    let applied: Set<string>;
    try {
      const rows: Array<{ name: string }> = await this.dataSource.query('SELECT name FROM rolemap_migrations');
      applied = new Set(rows.map((row) => row.name));
    } catch (error) {
      throw new ServiceUnavailableException(`Database unreachable: ${(error as Error).message}`);
    }
    const pending = this.dataSource.migrations
      .map((migration) => migration.name ?? migration.constructor.name)
      .filter((name) => !applied.has(name));
    if (pending.length > 0) {
      throw new ServiceUnavailableException(`Migrations not applied yet: ${pending.join(', ')}`);
    }
    if (!(await this.queue.check())) {
      throw new ServiceUnavailableException('The background-job queue is not running');
    }
    return {
      status: 'ready',
      database: this.database.embedded ? 'embedded' : 'postgresql',
      migrations: applied.size,
      queue: this.queue.status(),
    };
  }
}
