import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DATABASE_TARGET, type DatabaseTarget } from '@rolemap/server-core';
import { Public } from '../auth/access-rule.decorator';

/** For load balancers and container health checks: up, and able to reach the database. */
@Controller('api/health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_TARGET) private readonly database: DatabaseTarget,
  ) {}

  @Public()
  @Get()
  @HttpCode(200)
  async check(): Promise<{ status: 'ok'; database: 'embedded' | 'postgresql'; migrations: number }> {
    try {
      const [{ count }] = await this.dataSource.query('SELECT COUNT(*)::int AS count FROM rolemap_migrations');
      return { status: 'ok', database: this.database.embedded ? 'embedded' : 'postgresql', migrations: count };
    } catch (error) {
      throw new ServiceUnavailableException(`Database unreachable: ${(error as Error).message}`);
    }
  }
}
